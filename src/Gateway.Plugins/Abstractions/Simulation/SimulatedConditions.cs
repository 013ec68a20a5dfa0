namespace SmartVillage.Plugins.Abstractions.Simulation;

/// <summary>
/// The simulated world at one instant, as sensor types outside the gateway see it: a stable subset of the gateway's
/// environment model, so the model can grow without breaking plugins built against this contract.
/// </summary>
public sealed record SimulatedConditions
{
    /// <summary>The instant these conditions describe.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Air temperature at screen height, °C.</summary>
    public required double AirTemperatureCelsius { get; init; }

    /// <summary>Relative humidity of the air, % (0-100).</summary>
    public required double RelativeHumidityPercent { get; init; }

    /// <summary>Station barometric pressure, Pa.</summary>
    public required double PressurePascals { get; init; }

    /// <summary>Rainfall intensity, mm/h.</summary>
    public required double RainRateMillimetresPerHour { get; init; }

    /// <summary>Wind speed, m/s.</summary>
    public required double WindSpeedMetresPerSecond { get; init; }

    /// <summary>Illuminance on a horizontal surface, lx.</summary>
    public required double IlluminanceLux { get; init; }

    /// <summary>Volumetric water content of the topsoil, m³/m³ (0-1).</summary>
    public required double SoilMoistureVwc { get; init; }

    /// <summary>Soil temperature at 10 cm, °C.</summary>
    public required double SoilTemperatureCelsius { get; init; }

    /// <summary>Temperature of the monitored water (tank, well), °C.</summary>
    public required double WaterTemperatureCelsius { get; init; }
}
