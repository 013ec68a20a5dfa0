using System.Collections.Concurrent;
using System.Device.I2c;

namespace SmartVillage.Hardware.Simulation.Buses;

/// <summary>
/// One I2C bus: device models by 7-bit address, and the faults a test has injected. Transfers are serialised
/// per bus, as the kernel adapter does, so models need no locking of their own.
/// </summary>
public sealed class SimulatedI2cBus
{
    private readonly ConcurrentDictionary<int, II2cDeviceModel> _devices = new();
    private readonly ConcurrentDictionary<int, I2cFault> _faults = new();
    private readonly Lock _transfer = new(); // Re-entrant: WriteRead holds it across its two halves.

    public SimulatedI2cBus(int busId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(busId);
        BusId = busId;
    }

    public int BusId { get; }

    /// <summary>Places <paramref name="model"/> at <paramref name="address"/>.</summary>
    /// <returns>False when another model already answers there (two chips on one address: a wiring error).</returns>
    public bool TryAdd(int address, II2cDeviceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _devices.TryAdd(address, model);
    }

    public II2cDeviceModel? Find(int address) => _devices.GetValueOrDefault(address);

    /// <summary>Switches a fault on (or off with <see cref="I2cFault.None"/>) for whatever sits at <paramref name="address"/>.</summary>
    public void InjectFault(int address, I2cFault fault) => _faults[address] = fault;

    public I2cFault FaultAt(int address) => _faults.GetValueOrDefault(address);

    /// <summary>An <see cref="I2cDevice"/> for drivers; opening succeeds even with nothing there, as on Linux.</summary>
    public I2cDevice Open(int address) => new SimulatedI2cDevice(this, new I2cConnectionSettings(BusId, address));

    internal void Write(int address, ReadOnlySpan<byte> data)
    {
        lock (_transfer)
        {
            var model = Addressed(address);
            if (FaultAt(address) != I2cFault.CorruptData)
            {
                model.Write(data);
            }
        }
    }

    internal void Read(int address, Span<byte> buffer)
    {
        lock (_transfer)
        {
            var model = Addressed(address);
            if (FaultAt(address) == I2cFault.CorruptData)
            {
                buffer.Fill(0xFF);
                return;
            }

            model.Read(buffer);
        }
    }

    /// <summary>Write, repeated START, read: one combined transfer, so nothing else reaches the device in between.</summary>
    internal void WriteRead(int address, ReadOnlySpan<byte> data, Span<byte> buffer)
    {
        lock (_transfer)
        {
            Write(address, data);
            Read(address, buffer);
        }
    }

    private II2cDeviceModel Addressed(int address)
    {
        var model = Find(address);
        if (model is not null && FaultAt(address) == I2cFault.Timeout)
        {
            throw new IOException(
                $"I2C bus {BusId}: transfer to 0x{address:X2} timed out (simulated: the device holds SCL low)");
        }

        if (model is null || FaultAt(address) == I2cFault.Nack)
        {
            // The wording follows what the Linux i2c-dev path gives a driver: an I/O error on the transfer.
            throw new IOException(
                $"I2C bus {BusId}: no acknowledge from address 0x{address:X2} (simulated: "
                + (model is null ? "no device model at this address" : "NACK fault injected") + ")");
        }

        return model;
    }
}
