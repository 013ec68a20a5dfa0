using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Kits;

/// <summary>
/// <c>hardware/kits/weather.json</c> on the simulated hardware: every sensor reads, and the readings agree with each
/// other and with the sky the scenario describes.
/// </summary>
public sealed class WeatherKitTests
{
    private static readonly DateTimeOffset s_day = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task At_noon_on_a_clear_day_the_station_sees_sun_charging_calm_air_and_no_rain()
    {
        using var run = KitRun.Start("weather.json", s_day.AddHours(11).AddMinutes(59));
        run.Step(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(5));
        await run.ReadAllAsync(); // Ends the anemometer's first window: the next counts the 30 s below.
        var wind = new List<double>();

        run.Step(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(5), () => wind.Add(run.Kit.Environment.Current.WindSpeedMetresPerSecond));
        await run.ReadAllAsync();

        var sky = run.Kit.Environment.Current;
        var temperature = run.Value("air", "temperature");
        Assert.InRange(temperature, 14, 29.5);
        Assert.True(Weather.DewPoint(temperature, run.Value("air", "humidity")) <= temperature);
        Assert.InRange(run.Value("light", "illuminance"), 90_000, 101_000);
        Assert.Equal(sky.IlluminanceLux, run.Value("light", "illuminance"), 2.0);
        Assert.Equal(sky.SolarPanelAmps, run.Value("solar", "current"), 0.001);
        Assert.InRange(run.Value("solar", "voltage"), 17, 18);
        Assert.Equal(run.Value("solar", "voltage") * run.Value("solar", "current"), run.Value("solar", "power"), 0.02);
        Assert.True(run.Value("battery", "current") > 0.5, "the panel charges the battery at noon");
        Assert.InRange(run.Value("battery", "voltage"), 12.2, 14.4);
        Assert.Equal(wind.Average(), run.Value("wind-speed", "wind-speed"), wind.Average() * 0.05);
        Assert.True(Weather.AngleBetween(sky.WindDirectionDegrees, run.Value("wind-direction", "wind-direction")) <= 11.25);
        Assert.Equal(0, run.Value("rain", "rain-hour"));
        Assert.Equal(0, run.Value("rain", "rain-day"));
        Assert.All(run.Last.Values.SelectMany(s => s.Measurements), m => Assert.Equal(ReadingQuality.Good, m.Quality));
    }

    [Fact]
    public async Task At_midnight_the_light_and_the_panel_are_dark_and_the_battery_runs_down()
    {
        using var run = KitRun.Start("weather.json", s_day.AddHours(12));
        run.Step(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));
        await run.ReadAllAsync();
        var noonBattery = run.Value("battery", "voltage");

        run.Time.Advance(TimeSpan.FromHours(12));
        run.Step(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));
        await run.ReadAllAsync();

        Assert.Equal(0, run.Value("light", "illuminance"));
        Assert.Equal(0, run.Value("solar", "current"));
        Assert.Equal(0, run.Value("solar", "voltage"));
        Assert.Equal(-0.33, run.Value("battery", "current"), 0.001);
        Assert.True(run.Value("battery", "voltage") < noonBattery - 0.3);
        var temperature = run.Value("air", "temperature");
        Assert.True(Weather.DewPoint(temperature, run.Value("air", "humidity")) <= temperature);
    }

    [Fact]
    public async Task Through_the_morning_the_solar_current_rises_with_the_light()
    {
        using var run = KitRun.Start("weather.json", s_day.AddHours(7));
        var light = new List<double>();
        var solar = new List<double>();

        for (var reading = 0; reading < 3; reading++)
        {
            run.Step(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));
            await run.ReadAllAsync();
            light.Add(run.Value("light", "illuminance"));
            solar.Add(run.Value("solar", "current"));
            run.Time.Advance(TimeSpan.FromHours(2));
        }

        Assert.Equal(light.Order(), light);
        Assert.Equal(solar.Order(), solar);
        Assert.All(light.Zip(solar), pair => Assert.Equal(pair.First / 100_000 * 1.14, pair.Second, 0.002));
    }

    [Fact]
    public async Task In_a_storm_the_gauge_counts_the_rain_that_fell_and_the_totals_survive_a_restart()
    {
        using var run = KitRun.Start("weather.json", s_day.AddHours(12).AddSeconds(30), scenario: "storm");
        run.Step(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));
        await run.ReadAllAsync();
        Assert.Equal(0, run.Value("rain", "rain-day"));

        run.Step(TimeSpan.FromMinutes(57), TimeSpan.FromSeconds(1));
        await run.ReadAllAsync();
        var fell = run.Kit.Environment.Profile.RainRateMillimetresPerHour * 58 / 60 / 1000; // m, since 12:00:30
        var rain = run.Value("rain", "rain-day");
        run.Restart();
        run.Step(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));
        await run.ReadAllAsync();

        Assert.InRange(rain, fell - 0.0003, fell + 0.0006); // One tip either way (the bucket starts partly full).
        Assert.Equal(rain, run.Value("rain", "rain-hour"));
        Assert.Equal(rain, run.Value("rain", "rain-day"));
        Assert.InRange(run.Value("light", "illuminance"), 7_000, 23_000);
        Assert.True(run.Value("battery", "current") < 0, "storm cloud: the panel cannot carry the load");
        Assert.True(run.Value("air", "humidity") >= 78);
    }
}
