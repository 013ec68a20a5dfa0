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

    /// <summary>Volumetric water content of the topsoil (0-30 cm), m³/m³ (0-1).</summary>
    public required double SoilMoistureVwc { get; init; }

    /// <summary>Soil temperature at 10 cm, °C: the air's daily swing, damped and a few hours late.</summary>
    public required double SoilTemperatureCelsius { get; init; }

    /// <summary>Bulk electrical conductivity of the soil at its own temperature, µS/cm (rises with moisture).</summary>
    public required double SoilConductivityMicrosiemensPerCentimetre { get; init; }

    /// <summary>Soil pH (slowly varying).</summary>
    public required double SoilPh { get; init; }

    /// <summary>Available nitrogen, phosphorus and potassium, mg/kg (what 7-in-1 probes estimate).</summary>
    public required double SoilNitrogenMilligramsPerKilogram { get; init; }

    public required double SoilPhosphorusMilligramsPerKilogram { get; init; }

    public required double SoilPotassiumMilligramsPerKilogram { get; init; }

    /// <summary>Temperature of the monitored water (tank, well), °C.</summary>
    public required double WaterTemperatureCelsius { get; init; }

    /// <summary>pH of the monitored water.</summary>
    public required double WaterPh { get; init; }

    /// <summary>Conductivity of the water at its own temperature (not compensated to 25 °C), µS/cm.</summary>
    public required double WaterConductivityMicrosiemensPerCentimetre { get; init; }

    /// <summary>Turbidity of the water, NTU.</summary>
    public required double WaterTurbidityNtu { get; init; }

    /// <summary>Depth of water in the tank, m.</summary>
    public required double WaterLevelMetres { get; init; }

    /// <summary>Rainfall intensity, mm/h.</summary>
    public required double RainRateMillimetresPerHour { get; init; }

    /// <summary>Wind speed at the anemometer, m/s.</summary>
    public required double WindSpeedMetresPerSecond { get; init; }

    /// <summary>Direction the wind blows from, degrees clockwise from north (0-360).</summary>
    public required double WindDirectionDegrees { get; init; }

    /// <summary>Sunlight on a horizontal surface (global horizontal irradiance), W/m²: the sun's height times the cloud.</summary>
    public required double SolarIrradianceWattsPerSquareMetre { get; init; }

    /// <summary>Illuminance on a horizontal surface, lx: the same sunlight, at 100 lx per W/m².</summary>
    public required double IlluminanceLux { get; init; }

    /// <summary>Voltage at the kit's solar panel terminals, V (0 in the dark).</summary>
    public required double SolarPanelVolts { get; init; }

    /// <summary>Current from the solar panel into the charge controller, A: follows the irradiance.</summary>
    public required double SolarPanelAmps { get; init; }

    /// <summary>Current the station draws from the battery (gateway, sensors, radio), A.</summary>
    public required double LoadAmps { get; init; }

    /// <summary>Charge of the kit's 12 V lead-acid battery, 0-1: the running balance of panel and load.</summary>
    public required double BatteryStateOfCharge { get; init; }

    /// <summary>Battery terminal voltage, V: rises with charge and while charging, sags while discharging.</summary>
    public required double BatteryVolts { get; init; }

    /// <summary>Net battery current, A: positive while charging (panel above load), negative while discharging.</summary>
    public double BatteryAmps => SolarPanelAmps - LoadAmps;
}
