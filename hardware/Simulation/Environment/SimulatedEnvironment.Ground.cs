namespace SmartVillage.Hardware.Simulation.EnvironmentModel;

/// <summary>Soil, water, rain and wind: each a pure function of time, tied to the air so that the kits agree.</summary>
public sealed partial class SimulatedEnvironment
{
    // Rain entering the top 30 cm: 1 mm of rain over 300 mm of soil is 0.0033 m³/m³ (infiltration ~100 %).
    private const double RootZoneMillimetres = 300;
    private const double SaturationVwc = 0.45;
    private const double WiltingVwc = 0.05;

    // Water reference values: a tank of borehole water (EC25 450 µS/cm, pH 7.2).
    private const double WaterConductivityAt25 = 450;
    private const double ConductivityTemperatureCoefficient = 0.02; // per °C, domain reference §3.5

    private readonly SmoothNoise _waterNoise;
    private readonly SmoothNoise _windSpeedNoise;
    private readonly SmoothNoise _windDirectionNoise;
    private readonly SmoothNoise _soilNoise;

    private readonly record struct SoilState(
        double MoistureVwc, double TemperatureCelsius, double ConductivityMicrosiemensPerCentimetre,
        double Ph, double Nitrogen, double Phosphorus, double Potassium);

    private readonly record struct WaterState(
        double TemperatureCelsius, double Ph, double ConductivityMicrosiemensPerCentimetre, double TurbidityNtu, double LevelMetres);

    private readonly record struct SkyState(
        double RainRateMillimetresPerHour, double WindSpeedMetresPerSecond, double WindDirectionDegrees);

    private double MeanAirTemperature => (Profile.MinTemperatureCelsius + Profile.MaxTemperatureCelsius) / 2;

    private double HoursSinceStart(DateTimeOffset time) => Math.Max(0, (time - _start).TotalHours);

    private SoilState Soil(DateTimeOffset time, double solarHour)
    {
        var hours = HoursSinceStart(time);
        var rainMillimetres = Profile.RainRateMillimetresPerHour * hours;
        var moisture = Profile.SoilMoistureStart
            - (Profile.SoilMoistureLossPerDay * hours / 24)
            + (rainMillimetres / RootZoneMillimetres)
            + (0.002 * _soilNoise.At(time));
        moisture = Math.Clamp(moisture, WiltingVwc, SaturationVwc);

        // At 10 cm the daily swing is about a third of the air's and peaks about three hours later.
        var amplitude = (Profile.MaxTemperatureCelsius - Profile.MinTemperatureCelsius) / 6;
        var temperature = MeanAirTemperature + (amplitude * DiurnalCycle.Shape(solarHour - 3));

        // Bulk EC follows water content (the pore water conducts) and temperature (+2 %/°C).
        var conductivityAt25 = 1500 * moisture;
        var conductivity = conductivityAt25 * (1 + (ConductivityTemperatureCoefficient * (temperature - 25)));
        return new SoilState(moisture, temperature, conductivity, 6.5 + (0.05 * _soilNoise.At(time)), 42, 18, 160);
    }

    private WaterState Water(DateTimeOffset time, double solarHour)
    {
        // A shaded tank: half the air's swing around the daily mean, two hours late.
        var swing = (Profile.MaxTemperatureCelsius - Profile.MinTemperatureCelsius) / 4;
        var temperature = MeanAirTemperature + (swing * DiurnalCycle.Shape(solarHour - 2));
        var conductivity = WaterConductivityAt25 * (1 + (ConductivityTemperatureCoefficient * (temperature - 25)));
        var runOff = 1.5 * Profile.RainRateMillimetresPerHour * (1 - Math.Exp(-HoursSinceStart(time) / 2));
        var turbidity = Profile.BaseTurbidityNtu + runOff + (0.1 * (_waterNoise.At(time) + 1));

        // The tank is drawn down 5 cm a day and filled by the roof: 10 m² of roof into a 2 m² tank.
        var level = Profile.WaterLevelStartMetres
            - (0.05 * HoursSinceStart(time) / 24)
            + (Profile.RainRateMillimetresPerHour / 1000 * 5 * HoursSinceStart(time));
        return new WaterState(
            temperature, 7.2 + (0.05 * _waterNoise.At(time)), conductivity, turbidity, Math.Clamp(level, 0.05, 1.9));
    }

    private SkyState Sky(DateTimeOffset time)
    {
        var rain = HoursSinceStart(time) > 0 ? Profile.RainRateMillimetresPerHour : 0;
        var gust = 1 + (0.4 * _windSpeedNoise.At(time));
        var windSpeed = Math.Max(0, Profile.MeanWindSpeedMetresPerSecond * gust);
        var direction = (225 + (60 * _windDirectionNoise.At(time)) + 360) % 360;
        return new SkyState(rain, windSpeed, direction);
    }
}
