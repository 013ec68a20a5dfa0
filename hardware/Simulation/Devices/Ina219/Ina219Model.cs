using System.Buffers.Binary;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Ina219;

/// <summary>
/// A TI INA219 current/power monitor on I2C at register level (datasheet SBOS448 §8.6): a pointer byte selects one
/// of six 16-bit big-endian registers; a write of pointer + two bytes sets it; reads repeat the pointed register (no
/// auto-increment). The shunt in the modelled circuit carries the current the environment says; the chip measures
/// the drop across it and the bus voltage at VIN−.
/// </summary>
/// <remarks>
/// <para>Register formats: shunt voltage signed, 10 µV per count, saturating at the PGA range (±4000, 8000, 16000,
/// 32000 counts); bus voltage 4 mV per count in bits 15-3, bit 1 CNVR, bit 0 OVF, bit 2 always 0; current =
/// trunc(shunt × Cal / 4096), signed; power = trunc(|current| × bus / 5000); calibration bit 0 always 0;
/// configuration reset value 0x399F, bit 15 resets every register. Current and power read 0 until Cal is set.</para>
/// <para>Continuous modes convert afresh on every read; triggered modes convert when the configuration is written;
/// power-down keeps the last results. ADC resolution and averaging are stored but do not change the values.
/// OVF is set when the shunt saturates or the current or power does not fit its register.</para>
/// </remarks>
public sealed class Ina219Model : II2cDeviceModel
{
    public const byte ConfigurationRegister = 0x00;
    public const byte ShuntVoltageRegister = 0x01;
    public const byte BusVoltageRegister = 0x02;
    public const byte PowerRegister = 0x03;
    public const byte CurrentRegister = 0x04;
    public const byte CalibrationRegister = 0x05;
    public const ushort ConfigurationResetValue = 0x399F;

    private const double ShuntVoltsPerCount = 10e-6;
    private const double BusVoltsPerCount = 0.004;

    private readonly SimulatedEnvironment _environment;
    private readonly Func<EnvironmentConditions, (double BusVolts, double Amps)> _circuit;
    private readonly ushort[] _registers = new ushort[6];
    private byte _pointer;
    private bool _converted;
    private bool _shuntSaturated;

    /// <param name="circuit">The bus voltage (VIN− to GND) and the current through the shunt (VIN+ to VIN−).</param>
    /// <param name="shuntOhms">The resistor on the board between VIN+ and VIN−.</param>
    public Ina219Model(SimulatedEnvironment environment, Func<EnvironmentConditions, (double BusVolts, double Amps)> circuit, double shuntOhms = 0.1)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shuntOhms);
        _environment = environment;
        _circuit = circuit;
        ShuntOhms = shuntOhms;
        PowerOnReset();
    }

    public double ShuntOhms { get; }

    /// <summary>Conversions made since power-on.</summary>
    public int ConversionCount { get; private set; }

    /// <summary>The register's value as the chip holds it now.</summary>
    public ushort Register(byte address) => _registers[address];

    /// <summary>A circuit where the shunt sits in the kit's battery lead: battery voltage, net charging current.</summary>
    public static (double BusVolts, double Amps) Battery(EnvironmentConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return (conditions.BatteryVolts, conditions.BatteryAmps);
    }

    /// <summary>A circuit where the shunt sits in the solar panel's lead: panel voltage and current.</summary>
    public static (double BusVolts, double Amps) SolarPanel(EnvironmentConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return (conditions.SolarPanelVolts, conditions.SolarPanelAmps);
    }

    /// <summary>A circuit where the shunt sits in the station's supply: battery voltage, load current.</summary>
    public static (double BusVolts, double Amps) Load(EnvironmentConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return (conditions.BatteryVolts, conditions.LoadAmps);
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        _pointer = data[0];
        if (_pointer > CalibrationRegister)
        {
            throw new IOException($"INA219: register pointer 0x{_pointer:X2} not acknowledged (simulated: no such register)");
        }

        if (data.Length < 3)
        {
            return; // A pointer write for the next read.
        }

        var value = BinaryPrimitives.ReadUInt16BigEndian(data[1..3]);
        switch (_pointer)
        {
            case ConfigurationRegister when (value & 0x8000) != 0:
                PowerOnReset();
                break;
            case ConfigurationRegister:
                _registers[ConfigurationRegister] = (ushort)(value & 0x3FFF);
                _converted = false; // Writing a mode clears CNVR.
                if (Mode is >= 1 and <= 3)
                {
                    Convert(); // Triggered: one conversion per write.
                }

                break;
            case CalibrationRegister:
                _registers[CalibrationRegister] = (ushort)(value & 0xFFFE);
                Recalculate();
                break;
            default:
                break; // Data registers are read-only.
        }
    }

    public void Read(Span<byte> buffer)
    {
        if (Mode >= 5 && _pointer is >= ShuntVoltageRegister and <= CurrentRegister)
        {
            Convert(); // Continuous: results are always fresh.
        }

        var value = _pointer == BusVoltageRegister
            ? (ushort)(_registers[BusVoltageRegister] | (_converted ? 0b10 : 0))
            : _registers[_pointer];
        if (_pointer == PowerRegister)
        {
            _converted = false; // Reading power clears CNVR.
        }

        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = i % 2 == 0 ? (byte)(value >> 8) : (byte)value;
        }
    }

    private int Mode => _registers[ConfigurationRegister] & 0b111;

    private void Convert()
    {
        var (busVolts, amps) = _circuit(_environment.Current);
        var config = _registers[ConfigurationRegister];
        var rangeCounts = 4000 << ((config >> 11) & 0b11); // PG1:PG0 → ±40, 80, 160, 320 mV.
        var shunt = (int)Math.Round(amps * ShuntOhms / ShuntVoltsPerCount);
        _shuntSaturated = Math.Abs(shunt) > rangeCounts;
        shunt = Math.Clamp(shunt, -rangeCounts, rangeCounts);
        var busFullScale = (config & 0x2000) != 0 ? 8000 : 4000; // BRNG: 32 V or 16 V.
        var bus = (int)Math.Clamp(Math.Round(busVolts / BusVoltsPerCount), 0, busFullScale);
        _registers[ShuntVoltageRegister] = (ushort)(short)shunt;
        _registers[BusVoltageRegister] = (ushort)(bus << 3);
        _converted = true;
        ConversionCount++;
        Recalculate();
    }

    /// <summary>Current and power from the latest conversion and Cal (datasheet §8.5.1 equations).</summary>
    private void Recalculate()
    {
        var calibration = _registers[CalibrationRegister];
        var shunt = (short)_registers[ShuntVoltageRegister];
        var bus = _registers[BusVoltageRegister] >> 3;
        var current = (long)shunt * calibration / 4096;
        var power = Math.Abs(current) * bus / 5000;
        var overflow = _shuntSaturated || current is < short.MinValue or > short.MaxValue || power > ushort.MaxValue;
        _registers[CurrentRegister] = (ushort)(short)Math.Clamp(current, short.MinValue, short.MaxValue);
        _registers[PowerRegister] = (ushort)Math.Min(power, ushort.MaxValue);
        _registers[BusVoltageRegister] = (ushort)((bus << 3) | (overflow ? 1 : 0));
    }

    private void PowerOnReset()
    {
        Array.Clear(_registers);
        _registers[ConfigurationRegister] = ConfigurationResetValue;
        _converted = false;
        _shuntSaturated = false;
    }
}
