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
public sealed record ScenarioProfile(
    string Name,
    double MinTemperatureCelsius,
    double MaxTemperatureCelsius,
    double MinHumidityPercent,
    double MaxHumidityPercent,
    double MeanPressureHectopascals,
    double PressureDriftHectopascals,
    double PressureFallHectopascals,
    TimeSpan PressureFallTime);
