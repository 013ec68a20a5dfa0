using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Analog;

/// <summary>
/// A SparkFun/Argent 80422 wind vane: eight reed switches and resistors give 16 resistances, one per 22.5°
/// (datasheet table; domain reference §3.7), read as a divider under a pull-up to the supply.
/// </summary>
public sealed class WindVane : IAnalogProbe
{
    /// <summary>Resistance per direction, index = direction / 22.5° (0 = north), Ω.</summary>
    public static IReadOnlyList<double> Ohms { get; } =
    [
        33_000, 6_570, 8_200, 891, 1_000, 688, 2_200, 1_410,
        3_900, 3_140, 16_000, 14_120, 120_000, 42_120, 64_900, 21_880,
    ];

    public double SupplyVolts { get; init; } = 3.3;

    public double PullUpOhms { get; init; } = 10_000;

    /// <summary>When true, the vane's cable is cut: the pull-up takes the input to the supply.</summary>
    public bool Disconnected { get; set; }

    public double Volts(EnvironmentConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if (Disconnected)
        {
            return SupplyVolts;
        }

        var sector = (int)Math.Round(conditions.WindDirectionDegrees / 22.5) % 16;
        var ohms = Ohms[sector];
        return SupplyVolts * ohms / (ohms + PullUpOhms);
    }
}
