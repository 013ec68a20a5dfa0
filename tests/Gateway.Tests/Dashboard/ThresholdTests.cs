using SmartVillage.Gateway.Dashboard;

namespace SmartVillage.Gateway.Tests.Dashboard;

public sealed class ThresholdTests
{
    private static readonly QuantityThreshold Air = DefaultThresholds.All["temperature"];

    [Theory]
    [InlineData(-1.0, TileState.Act)]
    [InlineData(0.0, TileState.Act)]
    [InlineData(1.5, TileState.Watch)]
    [InlineData(2.0, TileState.Watch)]
    [InlineData(20.0, TileState.Good)]
    [InlineData(33.0, TileState.Watch)]
    [InlineData(35.0, TileState.Act)]
    public void Air_temperature_is_judged_by_the_frost_and_heat_defaults(double celsius, TileState expected)
    {
        Assert.Equal(expected, Air.Evaluate(celsius, out _));
    }

    [Fact]
    public void Frost_names_its_reason()
    {
        Air.Evaluate(-2, out var reason);

        Assert.Equal("reason.frost", reason);
    }

    [Fact]
    public void Dry_loam_asks_for_irrigation()
    {
        var state = DefaultThresholds.All["soil-vwc"].Evaluate(0.18, out var reason);

        Assert.Equal((TileState.Watch, "reason.irrigate"), (state, reason));
    }

    [Theory]
    [InlineData("ph", "operational")]
    [InlineData("turbidity", "operational")]
    [InlineData("tds", "taste")]
    [InlineData("ec", "taste")]
    public void Water_limits_carry_the_kind_WHO_gives_them(string quantity, string kind)
    {
        Assert.Equal(kind, DefaultThresholds.All[quantity].Kind);
    }

    [Fact]
    public void A_quantity_with_context_but_no_limits_is_never_called_good()
    {
        Assert.Equal(TileState.Unknown, DefaultThresholds.All["water-temperature"].Evaluate(24, out _));
    }

    [Fact]
    public void A_configured_threshold_replaces_the_default_for_its_quantity_only()
    {
        var options = new DashboardOptions();
        options.Thresholds["temperature"] = new QuantityThreshold { ActBelow = -3 };

        var effective = options.EffectiveThresholds();

        Assert.Equal((TileState.Good, TileState.Watch), (effective["temperature"].Evaluate(-1, out _), effective["ph"].Evaluate(9, out _)));
    }
}
