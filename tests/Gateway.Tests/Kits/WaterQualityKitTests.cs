using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Kits;

/// <summary><c>hardware/kits/water-quality.json</c>: probes, thermometer, ultrasonic level and float switch in one tank.</summary>
public sealed class WaterQualityKitTests
{
    [Fact]
    public async Task The_probes_agree_on_the_same_water()
    {
        using var run = KitRun.Start("water-quality.json", new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        run.Step(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(500));

        await run.ReadAllAsync();

        var water = run.Kit.Environment.Current;
        var temperature = run.Value("tank-temperature", "temperature");
        Assert.Equal(water.WaterTemperatureCelsius, temperature, 0.1);
        Assert.Equal(temperature, run.Value("tank-ph", "temperature"), 0.005); // Compensation uses the same DS18B20.
        Assert.Equal(temperature, run.Value("tank-ec", "temperature"), 0.005);
        Assert.InRange(run.Value("tank-ph", "ph"), 6.5, 8.5);
        Assert.Equal(0.045, run.Value("tank-ec", "conductivity"), 0.005); // Borehole water, 450 µS/cm at 25 °C.
        Assert.InRange(run.Value("tank-turbidity", "turbidity-ntu"), 0, 5);
        Assert.Equal(water.WaterLevelMetres, run.Value("tank-level", "water-level"), 0.002);
        Assert.Equal(1, run.Value("tank-low", "water-at-switch")); // 1.2 m of water over a switch at 0.30 m.
    }

    [Fact]
    public async Task An_uncalibrated_ph_probe_is_flagged_but_reported()
    {
        using var run = KitRun.Start("water-quality.json", new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        run.Step(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500));

        await run.ReadAllAsync();

        Assert.True(run.Measurement("tank-ph", "ph").Quality.HasFlag(ReadingQuality.Uncalibrated));
    }
}
