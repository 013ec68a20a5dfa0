using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Analog;

/// <summary>
/// A v1.2-type capacitive soil moisture board powered from 3.3 V: the output falls as water content rises
/// (domain reference §3.6), modelled as linear between its reading in air (0) and in water (1 m³/m³).
/// </summary>
public sealed class CapacitiveSoilProbe : IAnalogProbe
{
    /// <summary>Output in dry air at 3.3 V supply, V.</summary>
    public const double TypicalAirVolts = 2.45;

    /// <summary>Output immersed in water to the line at 3.3 V supply, V.</summary>
    public const double TypicalWaterVolts = 1.10;

    public double AirVolts { get; init; } = TypicalAirVolts;

    public double WaterVolts { get; init; } = TypicalWaterVolts;

    /// <summary>When set, the probe is held in air (0) or water (1) for a calibration, not in the soil.</summary>
    public double? HeldInVwc { get; set; }

    public double Volts(EnvironmentConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var vwc = HeldInVwc ?? conditions.SoilMoistureVwc;
        return AirVolts - ((AirVolts - WaterVolts) * vwc);
    }
}
