using System.Device.I2c;

namespace SmartVillage.Plugins.I2c;

/// <summary>
/// An <see cref="I2cDevice"/> that passes every transfer to the real one and keeps the bytes of the last write and
/// the last read. It lets a wrapper check what an Iot.Device.Bindings class does not tell its caller: the SHT3x
/// binding keeps its previous value when a CRC fails, and the INA219 binding shifts the bus voltage register's
/// overflow flag away.
/// </summary>
/// <remarks>Not thread-safe, like the bindings it serves: one sensor task uses it at a time.</remarks>
public sealed class ReadRecordingI2cDevice : I2cDevice
{
    private readonly I2cDevice _inner;
    private byte[] _lastWrite = [];
    private byte[] _lastRead = [];

    public ReadRecordingI2cDevice(I2cDevice inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    public override I2cConnectionSettings ConnectionSettings => _inner.ConnectionSettings;

    /// <summary>The bytes of the last write (the command or register pointer); empty after a failed one.</summary>
    public ReadOnlySpan<byte> LastWrite => _lastWrite;

    /// <summary>The bytes of the last read; empty when it failed, so nothing stale can be checked by mistake.</summary>
    public ReadOnlySpan<byte> LastRead => _lastRead;

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void Read(Span<byte> buffer)
    {
        _lastRead = [];
        _inner.Read(buffer);
        _lastRead = buffer.ToArray();
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _lastWrite = [];
        _inner.Write(buffer);
        _lastWrite = buffer.ToArray();
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        _lastWrite = [];
        _lastRead = [];
        _inner.WriteRead(writeBuffer, readBuffer);
        _lastWrite = writeBuffer.ToArray();
        _lastRead = readBuffer.ToArray();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
