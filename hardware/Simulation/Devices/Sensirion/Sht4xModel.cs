using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Sensirion;

/// <summary>
/// A Sensirion SHT4x (SHT40/41/45) on I2C: one-byte commands for measurements at three repeatabilities, soft reset,
/// serial number and the heater-then-measure commands. Results are T and RH words with CRCs:
/// S_T = (T + 45) / 175 × 65535, S_RH = (RH + 6) / 125 × 65535.
/// </summary>
/// <remarks>
/// A measurement finishes after the datasheet's typical duration (6.9, 3.7, 1.3 ms), not the maximum: the binding
/// waits 9, 5 and 2 ms with a millisecond timer, and the typical time keeps the model from refusing a read the chip
/// would almost always answer. The heater commands take their heating time and do not warm the model.
/// </remarks>
public sealed class Sht4xModel : SensirionModel
{
    public const byte MeasureHigh = 0xFD;
    public const byte MeasureMedium = 0xF6;
    public const byte MeasureLow = 0xE0;
    public const byte SoftReset = 0x94;
    public const byte ReadSerial = 0x89;

    private static readonly Dictionary<byte, TimeSpan> s_measure = new()
    {
        [MeasureHigh] = TimeSpan.FromMilliseconds(6.9),
        [MeasureMedium] = TimeSpan.FromMilliseconds(3.7),
        [MeasureLow] = TimeSpan.FromMilliseconds(1.3),
        [0x39] = TimeSpan.FromMilliseconds(1100), // Heater 200 mW for 1 s, then a high-repeatability measurement.
        [0x32] = TimeSpan.FromMilliseconds(110),
        [0x2F] = TimeSpan.FromMilliseconds(1100), // 110 mW
        [0x24] = TimeSpan.FromMilliseconds(110),
        [0x1E] = TimeSpan.FromMilliseconds(1100), // 20 mW
        [0x15] = TimeSpan.FromMilliseconds(110),
    };

    public Sht4xModel(SimulatedEnvironment environment, TimeProvider? busClock = null, uint serialNumber = 0x0A1B_2C3D)
        : base(environment, busClock)
    {
        SerialNumber = serialNumber;
    }

    public uint SerialNumber { get; }

    protected override string ChipName => "SHT4x";

    protected override bool Command(ReadOnlySpan<byte> command)
    {
        if (command.Length != 1)
        {
            return false;
        }

        if (s_measure.TryGetValue(command[0], out var duration))
        {
            var conditions = Environment.Current;
            Measure(
                duration,
                SensirionFrame.TemperatureCode(conditions.AirTemperatureCelsius),
                SensirionFrame.Code((conditions.RelativeHumidityPercent + 6) / 125));
            return true;
        }

        switch (command[0])
        {
            case SoftReset:
                Busy(TimeSpan.FromMilliseconds(0.5)); // Typical; the binding waits 1 ms, the datasheet maximum.
                return true;
            case ReadSerial:
                Respond((ushort)(SerialNumber >> 16), (ushort)SerialNumber);
                return true;
            default:
                return false;
        }
    }
}
