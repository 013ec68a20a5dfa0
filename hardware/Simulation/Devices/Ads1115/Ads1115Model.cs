using System.Buffers.Binary;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.Devices.Analog;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Ads1115;

/// <summary>
/// A TI ADS1115 16-bit ADC at register level (datasheet SBAS444, §8.5 and §9.6): an address-pointer register
/// selects one of four 16-bit registers, written and read most significant byte first. Each input AIN0-AIN3 is wired
/// to an <see cref="IAnalogProbe"/> whose voltage follows the environment at the moment of conversion.
/// </summary>
/// <remarks>
/// Simplification invisible to a driver: a conversion completes within the config write that starts it, so the OS
/// bit always reads 1 ("not performing a conversion", §9.6.3). Continuous mode converts afresh on each read of the
/// conversion register. Comparator thresholds are stored but the ALERT/RDY pin is not modelled.
/// </remarks>
public sealed class Ads1115Model : II2cDeviceModel
{
    public const byte ConversionRegister = 0b00;
    public const byte ConfigRegister = 0b01;
    public const byte LowThresholdRegister = 0b10;
    public const byte HighThresholdRegister = 0b11;

    /// <summary>Config register value after power-on (§9.6.3): single-shot, AIN0-AIN1, ±2.048 V, 128 SPS.</summary>
    public const ushort ConfigResetValue = 0x8583;

    private const ushort OsBit = 0x8000;
    private const ushort SingleShotModeBit = 0x0100;

    private readonly SimulatedEnvironment _environment;
    private readonly IAnalogProbe?[] _inputs = new IAnalogProbe?[4];
    private readonly ushort[] _registers = new ushort[4];
    private byte _pointer;

    /// <param name="supplyVolts">VDD; no input can exceed VDD + 0.3 V (§7.1). Default 3.3 V from the Pi header.</param>
    public Ads1115Model(SimulatedEnvironment environment, double supplyVolts = 3.3)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        SupplyVolts = supplyVolts;
        _registers[ConfigRegister] = ConfigResetValue;
        _registers[LowThresholdRegister] = 0x8000;
        _registers[HighThresholdRegister] = 0x7FFF;
    }

    public double SupplyVolts { get; }

    /// <summary>Conversions made since power-on; lets a test tell a fresh reading from a stale one.</summary>
    public int ConversionCount { get; private set; }

    /// <summary>Wires <paramref name="probe"/> to input AIN<paramref name="channel"/>.</summary>
    /// <returns>False when that input already has a probe.</returns>
    public bool TryConnect(int channel, IAnalogProbe probe)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channel, 3);
        ArgumentNullException.ThrowIfNull(probe);
        if (_inputs[channel] is not null)
        {
            return false;
        }

        _inputs[channel] = probe;
        return true;
    }

    public IAnalogProbe? ProbeAt(int channel) => _inputs[channel];

    /// <summary>Voltage on AIN<paramref name="channel"/> now: the probe's, clamped to the pins' range; 0 V when unwired.</summary>
    public double InputVolts(int channel) =>
        _inputs[channel] is { } probe ? Math.Clamp(probe.Volts(_environment.Current), 0, SupplyVolts + 0.3) : 0;

    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        _pointer = (byte)(data[0] & 0b11); // §9.5.1: only P[1:0] are meaningful.
        if (data.Length < 3)
        {
            return; // A pointer-only write selects the register for the next read.
        }

        var value = BinaryPrimitives.ReadUInt16BigEndian(data[1..3]);
        switch (_pointer)
        {
            case ConversionRegister:
                break; // Read-only (§9.6.2).
            case ConfigRegister:
                WriteConfig(value);
                break;
            default:
                _registers[_pointer] = value;
                break;
        }
    }

    public void Read(Span<byte> buffer)
    {
        if (_pointer == ConversionRegister && (_registers[ConfigRegister] & SingleShotModeBit) == 0)
        {
            Convert(); // Continuous mode: the register always holds the latest conversion.
        }

        Span<byte> word = stackalloc byte[2];
        var value = _pointer == ConfigRegister ? (ushort)(_registers[ConfigRegister] | OsBit) : _registers[_pointer];
        BinaryPrimitives.WriteUInt16BigEndian(word, value);
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = word[i % 2]; // Reading past two bytes repeats the register, as the chip does.
        }
    }

    /// <summary>Full-scale range of the PGA setting (§9.6.3, bits 11:9).</summary>
    public static double FullScaleVolts(int pga) => pga switch
    {
        0 => 6.144,
        1 => 4.096,
        2 => 2.048,
        3 => 1.024,
        4 => 0.512,
        _ => 0.256,
    };

    /// <summary>The output code for a differential input (§9.3.3, Table 3): clipped at 0x7FFF and 0x8000.</summary>
    public static short Code(double volts, double fullScaleVolts) =>
        (short)Math.Clamp(Math.Round(volts / fullScaleVolts * 32768), short.MinValue, short.MaxValue);

    private void WriteConfig(ushort value)
    {
        _registers[ConfigRegister] = (ushort)(value & ~OsBit);
        var singleShot = (value & SingleShotModeBit) != 0;
        if (!singleShot || (value & OsBit) != 0)
        {
            Convert();
        }
    }

    private void Convert()
    {
        var config = _registers[ConfigRegister];
        var mux = (config >> 12) & 0b111;
        var pga = (config >> 9) & 0b111;
        var (positive, negative) = mux switch
        {
            0 => (InputVolts(0), InputVolts(1)),
            1 => (InputVolts(0), InputVolts(3)),
            2 => (InputVolts(1), InputVolts(3)),
            3 => (InputVolts(2), InputVolts(3)),
            _ => (InputVolts(mux - 4), 0.0), // 100-111: AINx against GND.
        };
        _registers[ConversionRegister] = (ushort)Code(positive - negative, FullScaleVolts(pga));
        ConversionCount++;
    }
}
