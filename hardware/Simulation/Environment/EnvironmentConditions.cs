namespace SmartVillage.Hardware.Simulation.EnvironmentModel;

/// <summary>
/// The simulated world at one instant. Every device model reads from this, so sensors that measure the same
/// quantity agree with each other.
/// </summary>
/// <remarks>
/// Add a quantity (soil moisture, water level, rain) as another <c>required</c> init property: the only place that
/// builds this record is <see cref="SimulatedEnvironment.At"/>, so the compiler points at the one line to add.
/// </remarks>
public sealed record EnvironmentConditions
{
    /// <summary>The instant these conditions describe.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Air temperature at screen height, °C.</summary>
    public required double AirTemperatureCelsius { get; init; }

    /// <summary>Relative humidity of the air, % (0-100).</summary>
    public required double RelativeHumidityPercent { get; init; }

    /// <summary>Station (not sea-level) barometric pressure, Pa.</summary>
    public required double PressurePascals { get; init; }
}
