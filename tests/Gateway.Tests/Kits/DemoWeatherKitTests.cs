using SmartVillage.Gateway.Acquisition;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Kits;

/// <summary><c>hardware/kits/demo-weather.json</c>, the default kit, and the BME280's alternatives.</summary>
public sealed class DemoWeatherKitTests
{
    private static readonly DateTimeOffset s_afternoon = new(2026, 6, 1, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_demo_kit_reads_a_plausible_afternoon()
    {
        using var run = KitRun.Start("demo-weather.json", s_afternoon);

        await run.ReadAllAsync();

        var temperature = run.Value("weather", "temperature");
        Assert.InRange(temperature, 25, 29.5);
        Assert.InRange(run.Value("weather", "humidity"), 33, 50);
        Assert.InRange(run.Value("weather", "pressure"), 100_600, 101_400);
        Assert.True(Weather.DewPoint(temperature, run.Value("weather", "humidity")) <= temperature);
    }

    [Theory]
    [InlineData("sht3x", 0.06)]
    [InlineData("sht4x", 0.01)]
    public async Task An_sht_in_place_of_the_bme280_agrees_with_it(string type, double tolerance)
    {
        using var run = KitRun.Start("demo-weather.json", s_afternoon);
        var definition = new SensorDefinition { Id = "shield", Type = type, Bus = 1, Address = 0x44 };
        Assert.Null(run.Kit.Attach(definition));
        using var sht = BuiltInSensors.For(Path.GetTempPath(), run.Time).Single(f => f.Type == type).Create(definition, run.Kit);

        await run.ReadAllAsync();
        var sample = await sht.ReadAsync(CancellationToken.None);

        Assert.True(sample.IsSuccess, sample.Error);
        Assert.Equal(run.Value("weather", "temperature"), sample.Measurements.Single(m => m.Quantity == "temperature").Value, tolerance + 0.01);
        Assert.Equal(run.Value("weather", "humidity"), sample.Measurements.Single(m => m.Quantity == "humidity").Value, tolerance + 0.2);
    }
}
