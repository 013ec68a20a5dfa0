using System.Device.I2c;

namespace SmartVillage.Hardware.Simulation.Buses;

/// <summary>
/// The <see cref="I2cDevice"/> a driver gets from the simulated kit: each call is one bus transfer to the model
/// at <see cref="I2cConnectionSettings.DeviceAddress"/> on the simulated bus.
/// </summary>
public sealed class SimulatedI2cDevice : I2cDevice
{
    private readonly SimulatedI2cBus _bus;
    private bool _disposed;

    internal SimulatedI2cDevice(SimulatedI2cBus bus, I2cConnectionSettings settings)
    {
        _bus = bus;
        ConnectionSettings = settings;
    }

    public override I2cConnectionSettings ConnectionSettings { get; }

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _bus.Read(ConnectionSettings.DeviceAddress, buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _bus.Write(ConnectionSettings.DeviceAddress, buffer);
    }

    /// <summary>A combined transfer (write, repeated START, read), atomic on the bus as on real hardware.</summary>
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _bus.WriteRead(ConnectionSettings.DeviceAddress, writeBuffer, readBuffer);
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }
}
