namespace SmartVillage.Gateway.Tests.Kits;

/// <summary><c>hardware/kits/soil.json</c>: capacitive probes, a DS18B20 and a Modbus 7-in-1 probe in one soil.</summary>
public sealed class SoilKitTests
{
    [Fact]
    public async Task The_probes_agree_on_the_same_soil()
    {
        using var run = KitRun.Start("soil.json", new DateTimeOffset(2026, 6, 1, 14, 0, 0, TimeSpan.Zero));
        run.Step(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500)); // The DS18B20 writes its first conversion.

        await run.ReadAllAsync();

        var soil = run.Kit.Environment.Current;
        Assert.InRange(soil.SoilMoistureVwc, 0.10, 0.20); // Dry spell.
        Assert.Equal(soil.SoilMoistureVwc, run.Value("bed-1-moisture", "soil-vwc"), 0.002);
        Assert.Equal(run.Value("bed-1-moisture", "soil-vwc"), run.Value("bed-2-moisture", "soil-vwc"), 0.002);
        Assert.Equal(run.Value("bed-1-moisture", "soil-vwc"), run.Value("plot-7-probe", "soil-vwc"), 0.002);
        Assert.Equal(run.Value("bed-1-temperature", "temperature"), run.Value("plot-7-probe", "temperature"), 0.1);
        Assert.InRange(run.Value("plot-7-probe", "ph"), 6, 7);
        Assert.InRange(run.Value("plot-7-probe", "conductivity"), 0.01, 0.05);
    }
}
