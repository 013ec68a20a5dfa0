namespace SmartVillage.Hardware.Simulation.Buses;

/// <summary>
/// Base for the common kind of I2C chip: 256 byte-wide registers behind a register pointer. The first byte of a
/// write sets the pointer; further bytes are stored from there. A read returns bytes from the pointer onwards.
/// The pointer auto-increments on both (unless the chip writes address/data pairs, see
/// <see cref="WritesAddressDataPairs"/>), and a read without a preceding write continues where the pointer is.
/// </summary>
public abstract class RegisterFileDevice : II2cDeviceModel
{
    private readonly byte[] _registers = new byte[256];
    private byte _pointer;

    /// <summary>
    /// True for chips whose multi-byte writes are (register, value) pairs rather than one register and
    /// consecutive values (Bosch BME280 datasheet §6.2.1).
    /// </summary>
    protected virtual bool WritesAddressDataPairs => false;

    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return; // An address-only write (a probe) just acknowledges.
        }

        if (WritesAddressDataPairs)
        {
            for (var i = 0; i + 1 < data.Length; i += 2)
            {
                _pointer = data[i];
                OnWrite(data[i], data[i + 1]);
            }

            if (data.Length % 2 == 1)
            {
                _pointer = data[^1]; // A trailing lone byte only sets the pointer for the next read.
            }

            return;
        }

        _pointer = data[0];
        foreach (var value in data[1..])
        {
            OnWrite(_pointer, value);
            _pointer++;
        }
    }

    public void Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        OnReadStarting(_pointer);
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = _registers[_pointer];
            _pointer++;
        }
    }

    /// <summary>The raw register file, for the model itself to fill (calibration, data) and for tests.</summary>
    protected Span<byte> Registers => _registers;

    /// <summary>
    /// A host wrote <paramref name="value"/> to <paramref name="address"/>. The default stores it; override to
    /// make registers read-only or to act on commands.
    /// </summary>
    protected virtual void OnWrite(byte address, byte value) => _registers[address] = value;

    /// <summary>A read burst is about to start at <paramref name="address"/> (a chip latches its data here).</summary>
    protected virtual void OnReadStarting(byte address)
    {
    }
}
