namespace SmartVillage.Hardware.Simulation.EnvironmentModel;

/// <summary>The scenarios a simulated kit can run, by name.</summary>
public static class ScenarioCatalog
{
    /// <summary>Sunny day, calm weather: 14-29 °C, 35-85 %RH, pressure near 1010 hPa.</summary>
    public static ScenarioProfile ClearDay { get; } =
        new("clear-day", 14, 29, 35, 85, 1010, 2, 0, TimeSpan.FromHours(1));

    /// <summary>Hot and dry high-pressure spell: 20-38 °C, 12-45 %RH, pressure near 1016 hPa; soil drying from 0.16 m³/m³.</summary>
    public static ScenarioProfile DrySpell { get; } =
        new("dry-spell", 20, 38, 12, 45, 1016, 1.5, 0, TimeSpan.FromHours(1))
        {
            SoilMoistureStart = 0.16,
            SoilMoistureLossPerDay = 0.02,
            MeanWindSpeedMetresPerSecond = 3,
            WaterLevelStartMetres = 0.6,
        };

    /// <summary>
    /// A storm moving in: cool (12-17 °C), humid (80-98 %RH), pressure falling from 1006 hPa by 20 hPa,
    /// fastest at the start (about 1.7 hPa/h), which is what a barometric storm warning looks for. Steady 6 mm/h rain
    /// wets the soil and muddies the water; wind around 11 m/s. Heavy, moving cloud lets through 7-23 % of the
    /// daylight, so the solar panel cannot cover the station's load and the battery runs down.
    /// </summary>
    public static ScenarioProfile Storm { get; } =
        new("storm", 12, 17, 80, 98, 1006, 1, 20, TimeSpan.FromHours(12))
        {
            RainRateMillimetresPerHour = 6,
            MeanWindSpeedMetresPerSecond = 11,
            Sunshine = 0.15,
            CloudVariation = 0.5,
            BaseTurbidityNtu = 3,
        };

    public static IReadOnlyList<ScenarioProfile> All { get; } = [ClearDay, DrySpell, Storm];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    /// <exception cref="ArgumentException">No scenario has that name; the message lists the valid ones.</exception>
    public static ScenarioProfile Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"Unknown simulation scenario '{name}'; use one of: {string.Join(", ", Names)}", nameof(name));
    }
}
