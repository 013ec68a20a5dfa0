using SmartVillage.Plugins.Abstractions.Simulation;

namespace SmartVillage.Samples.LeafWetness;

/// <summary>
/// The grid and its module in the simulated world: wet while it rains, and with dew when the air is near saturation
/// (dew forms on leaves once they cool to the dew point, which at screen height shows as humidity above about 90 %).
/// </summary>
internal static class SimulatedLeafGrid
{
    public static double Volts(SimulatedConditions conditions)
    {
        var rain = conditions.RainRateMillimetresPerHour >= 0.1 ? Math.Min(1, 0.5 + (conditions.RainRateMillimetresPerHour / 4)) : 0;
        var dew = Math.Clamp((conditions.RelativeHumidityPercent - 88) / 10, 0, 1);
        var wet = Math.Max(rain, dew);
        return LeafWetnessSensor.TypicalDryVolts - ((LeafWetnessSensor.TypicalDryVolts - LeafWetnessSensor.TypicalWetVolts) * wet);
    }
}
