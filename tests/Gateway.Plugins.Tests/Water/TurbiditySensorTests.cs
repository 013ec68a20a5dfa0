using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Tests.Support;
using SmartVillage.Plugins.Water;

namespace SmartVillage.Plugins.Tests.Water;

public sealed class TurbiditySensorTests
{
    [Fact]
    public async Task Clear_water_reads_the_environment_turbidity_in_ntu()
    {
        using var water = new WaterKit();
        using var sensor = Attach(water);

        var turbidity = (await sensor.ReadAsync(CancellationToken.None)).Only("turbidity-ntu");

        Assert.Equal(water.Kit.Environment.Current.WaterTurbidityNtu, turbidity.Value, 0.5);
        Assert.Equal("", turbidity.Unit);
        Assert.Equal("V", turbidity.RawUnit);
    }

    [Fact]
    public async Task Storm_run_off_makes_the_water_turbid()
    {
        using var water = new WaterKit("storm");
        using var sensor = Attach(water);

        water.Time.Advance(TimeSpan.FromHours(6));
        var turbidity = (await sensor.ReadAsync(CancellationToken.None)).Only("turbidity-ntu");

        Assert.Equal(water.Kit.Environment.Current.WaterTurbidityNtu, turbidity.Value, 0.5);
        Assert.True(turbidity.Value > 5);
    }

    [Fact]
    public async Task A_voltage_below_the_curve_is_flagged_out_of_range()
    {
        using var water = new WaterKit();
        using var sensor = Attach(water, ("MinVolts", "4.5"));

        var turbidity = (await sensor.ReadAsync(CancellationToken.None)).Only("turbidity-ntu");

        Assert.True(turbidity.Quality.HasFlag(ReadingQuality.OutOfRange));
    }

    [Fact]
    public async Task A_site_curve_replaces_the_default()
    {
        using var water = new WaterKit();
        using var sensor = Attach(water, ("Coefficients", "12.5"));

        Assert.Equal(12.5, (await sensor.ReadAsync(CancellationToken.None)).Only("turbidity-ntu").Value);
    }

    private static ISensor Attach(WaterKit water, params (string Key, string Value)[] extra) =>
        water.Attach(new TurbiditySensorFactory(), WaterKit.Define("tank-turbidity", "ads1115-turbidity", [("Channel", "2"), .. extra]));
}
