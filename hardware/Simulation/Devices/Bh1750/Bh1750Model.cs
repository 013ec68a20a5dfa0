using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Bh1750;

/// <summary>
/// A ROHM BH1750FVI ambient light sensor on I2C, at opcode level (datasheet instruction set): power down/on, reset
/// (clears the data register, accepted only when powered on), continuous and one-time H-, H2- and L-resolution
/// modes, and the measurement-time register MTreg (default 69, 31-254) written in two halves. A read returns the
/// data register, big-endian: the result of the last measurement that completed, 0 after reset.
/// </summary>
/// <remarks>
/// <para>Counts follow the datasheet: H-resolution counts = lx × 1.2 × MTreg / 69; H2-resolution counts twice that
/// (0.5 lx steps); L-resolution the H-resolution counts in steps of 4 (a simplification of its 4 lx resolution).
/// The counter saturates at 65535.</para>
/// <para>A measurement takes 120 ms × MTreg / 69 in H modes, 16 ms × MTreg / 69 in L mode (typical), on the bus
/// clock (real time by default). A mode command restarts the measurement cycle and keeps the data register, so a
/// read right after a command returns the measurement before it, as the chip does.</para>
/// </remarks>
public sealed class Bh1750Model : II2cDeviceModel
{
    public const byte PowerDown = 0x00;
    public const byte PowerOn = 0x01;
    public const byte Reset = 0x07;
    public const int DefaultMeasurementTime = 69;

    private static readonly TimeSpan s_highResolutionTime = TimeSpan.FromMilliseconds(120);
    private static readonly TimeSpan s_lowResolutionTime = TimeSpan.FromMilliseconds(16);

    private readonly SimulatedEnvironment _environment;
    private readonly TimeProvider _busClock;
    private bool _poweredOn;
    private byte? _mode;
    private long _cycleStart;
    private int _completed;
    private ushort _data;

    public Bh1750Model(SimulatedEnvironment environment, TimeProvider? busClock = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _busClock = busClock ?? TimeProvider.System;
    }

    /// <summary>MTreg, as last programmed.</summary>
    public int MeasurementTime { get; private set; } = DefaultMeasurementTime;

    /// <summary>Fraction of the outside light reaching the chip through its window or diffuser. Default 1.</summary>
    public double WindowTransmittance { get; set; } = 1;

    /// <summary>Measurements completed since power-on.</summary>
    public int MeasurementCount { get; private set; }

    /// <summary>H-resolution counts for <paramref name="lux"/> at the chip with MTreg <paramref name="measurementTime"/>.</summary>
    public static int Counts(double lux, int measurementTime) =>
        (int)Math.Min(65535, Math.Round(lux * 1.2 * measurementTime / DefaultMeasurementTime));

    public void Write(ReadOnlySpan<byte> data)
    {
        foreach (var opcode in data)
        {
            Opcode(opcode);
        }
    }

    public void Read(Span<byte> buffer)
    {
        Update();
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = i % 2 == 0 ? (byte)(_data >> 8) : (byte)_data;
        }
    }

    private void Opcode(byte opcode)
    {
        Update();
        switch (opcode)
        {
            case PowerDown:
                _poweredOn = false;
                _mode = null;
                return;
            case PowerOn:
                _poweredOn = true;
                return;
            case Reset:
                if (_poweredOn)
                {
                    _data = 0;
                }

                return;
            case 0x10 or 0x11 or 0x13 or 0x20 or 0x21 or 0x23:
                _poweredOn = true;
                _mode = opcode;
                _cycleStart = _busClock.GetTimestamp();
                _completed = 0;
                return;
            case >= 0x40 and <= 0x47:
                MeasurementTime = ((opcode & 0b111) << 5) | (MeasurementTime & 0b1_1111);
                return;
            case >= 0x60 and <= 0x7F:
                MeasurementTime = (MeasurementTime & 0b1110_0000) | (opcode & 0b1_1111);
                return;
            default:
                return; // Undefined opcodes are ignored.
        }
    }

    /// <summary>Completes the measurements whose time has come since the mode command.</summary>
    private void Update()
    {
        if (_mode is not { } mode)
        {
            return;
        }

        var cycle = ((mode & 0x0F) == 0x03 ? s_lowResolutionTime : s_highResolutionTime) * MeasurementTime / DefaultMeasurementTime;
        var done = (int)(_busClock.GetElapsedTime(_cycleStart) / cycle);
        var oneTime = (mode & 0xF0) == 0x20;
        if (done <= _completed || (oneTime && _completed > 0))
        {
            return;
        }

        _completed = oneTime ? 1 : done;
        MeasurementCount++;
        var counts = Counts(_environment.Current.IlluminanceLux * WindowTransmittance, MeasurementTime);
        _data = (mode & 0x0F) switch
        {
            0x01 => (ushort)Math.Min(65535, counts * 2),
            0x03 => (ushort)(counts & ~0b11),
            _ => (ushort)counts,
        };

        if (oneTime)
        {
            _poweredOn = false; // One-time modes power down after their measurement.
            _mode = null;
        }
    }
}
