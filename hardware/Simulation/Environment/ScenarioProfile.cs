namespace SmartVillage.Hardware.Simulation.EnvironmentModel;

/// <summary>
/// The numbers that make one weather scenario. The daily shape is shared (<see cref="DiurnalCycle"/>); a scenario
/// only says how warm, how humid and where the pressure goes.
/// </summary>
/// <param name="Name">Name a kit file uses (<c>clear-day</c>).</param>
/// <param name="MinTemperatureCelsius">Air temperature at the daily minimum, near 06:00 solar time.</param>
/// <param name="MaxTemperatureCelsius">Air temperature at the daily maximum, near 15:00 solar time.</param>
/// <param name="MinHumidityPercent">Relative humidity in the warmest hour (humidity moves inversely with temperature).</param>
/// <param name="MaxHumidityPercent">Relative humidity in the coolest hour.</param>
/// <param name="MeanPressureHectopascals">Pressure the scenario starts around.</param>
/// <param name="PressureDriftHectopascals">Amplitude of the slow, seeded synoptic drift (period about 30 h).</param>
/// <param name="PressureFallHectopascals">How far pressure falls from the scenario's start (0 = steady).</param>
/// <param name="PressureFallTime">Time constant of that fall: about 63 % of it has happened after this long.</param>
public sealed partial record ScenarioProfile(
    string Name,
    double MinTemperatureCelsius,
    double MaxTemperatureCelsius,
    double MinHumidityPercent,
    double MaxHumidityPercent,
    double MeanPressureHectopascals,
    double PressureDriftHectopascals,
    double PressureFallHectopascals,
    TimeSpan PressureFallTime);

/// <summary>Soil, water, rain, wind and light of a scenario; defaults describe a settled, fair-weather week.</summary>
/// <remarks>Separate from the positional parameters so that adding a quantity never changes every scenario's line.</remarks>
public sealed partial record ScenarioProfile
{
    /// <summary>Topsoil volumetric water content when the scenario starts, m³/m³. Default 0.28 (loam near field capacity).</summary>
    public double SoilMoistureStart { get; init; } = 0.28;

    /// <summary>Water the topsoil loses per day to evapotranspiration, m³/m³. Default 0.01.</summary>
    public double SoilMoistureLossPerDay { get; init; } = 0.01;

    /// <summary>Steady rainfall intensity once the scenario has started, mm/h. Default 0 (dry).</summary>
    public double RainRateMillimetresPerHour { get; init; }

    /// <summary>Mean wind speed, m/s. Default 2.</summary>
    public double MeanWindSpeedMetresPerSecond { get; init; } = 2;

    /// <summary>Fraction of clear-sky daylight reaching the ground on average (cloud cover). Default 1.</summary>
    public double Sunshine { get; init; } = 1;

    /// <summary>How much passing cloud moves the daylight around its average, as a fraction of it (0-1). Default 0.</summary>
    public double CloudVariation { get; init; }

    /// <summary>Battery state of charge when the scenario starts, 0-1. Default 0.8.</summary>
    public double BatteryChargeStart { get; init; } = 0.8;

    /// <summary>Turbidity of the monitored water in calm weather, NTU; rain adds run-off. Default 0.8.</summary>
    public double BaseTurbidityNtu { get; init; } = 0.8;

    /// <summary>Water depth in the tank when the scenario starts, m. Default 1.2.</summary>
    public double WaterLevelStartMetres { get; init; } = 1.2;
}
