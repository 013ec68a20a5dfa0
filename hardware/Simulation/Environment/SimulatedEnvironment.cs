namespace SmartVillage.Hardware.Simulation.EnvironmentModel;

/// <summary>
/// One scenario's world as a pure function of wall-clock time (from the injected <see cref="TimeProvider"/>) and a
/// seed: no state changes when it is read, so any number of device models can sample it in any order.
/// </summary>
public sealed partial class SimulatedEnvironment
{
    // Amplitudes of the small, smooth wobble on top of the scenario's curves.
    private const double TemperatureNoiseCelsius = 0.3;
    private const double HumidityNoisePercent = 1.5;
    private const double PressureNoiseHectopascals = 0.15;

    // Semidiurnal atmospheric tide: about ±0.6 hPa at mid latitudes, peaks near 10:00 and 22:00 solar time.
    private const double TideHectopascals = 0.6;
    private static readonly TimeSpan s_driftPeriod = TimeSpan.FromHours(30);

    private readonly TimeProvider _time;
    private readonly DateTimeOffset _start;
    private readonly double _driftPhase;
    private readonly SmoothNoise _temperatureNoise;
    private readonly SmoothNoise _humidityNoise;
    private readonly SmoothNoise _pressureNoise;

    public SimulatedEnvironment(ScenarioProfile profile, TimeProvider timeProvider, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Profile = profile;
        _time = timeProvider;
        _start = timeProvider.GetUtcNow();
        // The seed picks where in its cycle the slow pressure drift starts: one knot of a noise stream, 0..2π.
        var driftStart = new SmoothNoise(seed, 0, TimeSpan.FromDays(1)).At(DateTimeOffset.UnixEpoch);
        _driftPhase = Math.PI * (driftStart + 1);
        _temperatureNoise = new SmoothNoise(seed, 1, TimeSpan.FromMinutes(7));
        _humidityNoise = new SmoothNoise(seed, 2, TimeSpan.FromMinutes(11));
        _pressureNoise = new SmoothNoise(seed, 3, TimeSpan.FromMinutes(5));
        _waterNoise = new SmoothNoise(seed, 4, TimeSpan.FromMinutes(13));
        _windSpeedNoise = new SmoothNoise(seed, 5, TimeSpan.FromSeconds(40));
        _windDirectionNoise = new SmoothNoise(seed, 6, TimeSpan.FromMinutes(3));
        _soilNoise = new SmoothNoise(seed, 7, TimeSpan.FromMinutes(17));
        _cloudNoise = new SmoothNoise(seed, 8, TimeSpan.FromMinutes(4));
    }

    public ScenarioProfile Profile { get; }

    /// <summary>Conditions now, by the injected clock.</summary>
    public EnvironmentConditions Current => At(_time.GetUtcNow());

    /// <summary>Conditions at any instant; the same instant always gives the same answer.</summary>
    public EnvironmentConditions At(DateTimeOffset time)
    {
        var shape = DiurnalCycle.Shape(DiurnalCycle.SolarHour(time, _time.LocalTimeZone));
        var warmth = (shape + 1) / 2;

        var temperature = Profile.MinTemperatureCelsius
            + ((Profile.MaxTemperatureCelsius - Profile.MinTemperatureCelsius) * warmth)
            + (TemperatureNoiseCelsius * _temperatureNoise.At(time));

        // Inverse of temperature: the air's water content changes little over a day while its capacity rises
        // with temperature, so relative humidity peaks at dawn and bottoms out in the afternoon.
        var humidity = Profile.MaxHumidityPercent
            - ((Profile.MaxHumidityPercent - Profile.MinHumidityPercent) * warmth)
            + (HumidityNoisePercent * _humidityNoise.At(time));

        var solarHour = DiurnalCycle.SolarHour(time, _time.LocalTimeZone);
        var soil = Soil(time, solarHour);
        var water = Water(time, solarHour);
        var sky = Sky(time);
        var sun = Sun(time, solarHour);
        var power = Power(time, sun);
        return new EnvironmentConditions
        {
            Time = time,
            AirTemperatureCelsius = temperature,
            RelativeHumidityPercent = Math.Clamp(humidity, 0, 100),
            PressurePascals = PressureHectopascals(time) * 100,
            SoilMoistureVwc = soil.MoistureVwc,
            SoilTemperatureCelsius = soil.TemperatureCelsius,
            SoilConductivityMicrosiemensPerCentimetre = soil.ConductivityMicrosiemensPerCentimetre,
            SoilPh = soil.Ph,
            SoilNitrogenMilligramsPerKilogram = soil.Nitrogen,
            SoilPhosphorusMilligramsPerKilogram = soil.Phosphorus,
            SoilPotassiumMilligramsPerKilogram = soil.Potassium,
            WaterTemperatureCelsius = water.TemperatureCelsius,
            WaterPh = water.Ph,
            WaterConductivityMicrosiemensPerCentimetre = water.ConductivityMicrosiemensPerCentimetre,
            WaterTurbidityNtu = water.TurbidityNtu,
            WaterLevelMetres = water.LevelMetres,
            RainRateMillimetresPerHour = sky.RainRateMillimetresPerHour,
            WindSpeedMetresPerSecond = sky.WindSpeedMetresPerSecond,
            WindDirectionDegrees = sky.WindDirectionDegrees,
            SolarIrradianceWattsPerSquareMetre = sun.IrradianceWattsPerSquareMetre,
            IlluminanceLux = sun.IlluminanceLux,
            SolarPanelVolts = power.PanelVolts,
            SolarPanelAmps = power.PanelAmps,
            LoadAmps = LoadAmps,
            BatteryStateOfCharge = power.StateOfCharge,
            BatteryVolts = power.BatteryVolts,
        };
    }

    private double PressureHectopascals(DateTimeOffset time)
    {
        var sinceStart = time - _start;
        var drift = Profile.PressureDriftHectopascals
            * Math.Sin((2 * Math.PI * sinceStart / s_driftPeriod) + _driftPhase);
        var solarHour = DiurnalCycle.SolarHour(time, _time.LocalTimeZone);
        var tide = TideHectopascals * Math.Cos(2 * Math.PI * (solarHour - 10) / 12);
        var fall = sinceStart <= TimeSpan.Zero
            ? 0
            : Profile.PressureFallHectopascals * (1 - Math.Exp(-(sinceStart / Profile.PressureFallTime)));
        return Profile.MeanPressureHectopascals + drift + tide - fall
            + (PressureNoiseHectopascals * _pressureNoise.At(time));
    }
}
