using System.Buffers.Binary;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Sensirion;

/// <summary>
/// A Sensirion SHT3x (SHT30/31/35) on I2C: 16-bit commands (datasheet command tables), single-shot measurements
/// with and without clock stretching, soft reset, heater, status register. Results are T and RH words, each with its
/// CRC: S_T = (T + 45) / 175 × 65535, S_RH = RH / 100 × 65535.
/// </summary>
/// <remarks>Clock-stretching commands answer at once (the stretch is the wait). The heater sets its status bit but
/// does not warm the model.</remarks>
public sealed class Sht3xModel : SensirionModel
{
    public const ushort SoftReset = 0x30A2;
    public const ushort HeaterOn = 0x306D;
    public const ushort HeaterOff = 0x3066;
    public const ushort ReadStatus = 0xF32D;
    public const ushort ClearStatus = 0x3041;

    // Status register bits (datasheet, status register table).
    private const ushort HeaterBit = 1 << 13;
    private const ushort ResetDetectedBit = 1 << 4;

    // Single shot, no clock stretching: high, medium, low repeatability and the maximum measurement duration.
    private static readonly Dictionary<ushort, TimeSpan> s_singleShot = new()
    {
        [0x2400] = TimeSpan.FromMilliseconds(15),
        [0x240B] = TimeSpan.FromMilliseconds(6),
        [0x2416] = TimeSpan.FromMilliseconds(4),
        [0x2C06] = TimeSpan.Zero, // Clock stretching: the chip holds SCL until done, so the read simply waits.
        [0x2C0D] = TimeSpan.Zero,
        [0x2C10] = TimeSpan.Zero,
    };

    private ushort _status = ResetDetectedBit;

    public Sht3xModel(SimulatedEnvironment environment, TimeProvider? busClock = null)
        : base(environment, busClock)
    {
    }

    public bool HeaterEnabled => (_status & HeaterBit) != 0;

    protected override string ChipName => "SHT3x";

    protected override bool Command(ReadOnlySpan<byte> command)
    {
        if (command.Length != 2)
        {
            return false;
        }

        var word = BinaryPrimitives.ReadUInt16BigEndian(command);
        if (s_singleShot.TryGetValue(word, out var duration))
        {
            var conditions = Environment.Current;
            Measure(
                duration,
                SensirionFrame.TemperatureCode(conditions.AirTemperatureCelsius),
                SensirionFrame.Code(conditions.RelativeHumidityPercent / 100));
            return true;
        }

        switch (word)
        {
            case SoftReset:
                _status = ResetDetectedBit;
                Busy(TimeSpan.FromMilliseconds(1.5));
                return true;
            case HeaterOn:
                _status |= HeaterBit;
                return true;
            case HeaterOff:
                _status &= unchecked((ushort)~HeaterBit);
                return true;
            case ClearStatus:
                _status &= unchecked((ushort)~ResetDetectedBit);
                return true;
            case ReadStatus:
                Respond(_status);
                return true;
            default:
                return false;
        }
    }
}
