using SmartVillage.Gateway.Dashboard;

namespace SmartVillage.Gateway.Tests.Dashboard;

public sealed class ThresholdLimitsTests
{
    [Fact]
    public void Limits_in_rising_order_have_no_problem()
    {
        var limits = new ThresholdLimits { ActBelow = 0, WatchBelow = 2, WatchAbove = 32, ActAbove = 35 };

        Assert.Empty(limits.Problems());
    }

    [Fact]
    public void A_watch_limit_below_its_act_limit_is_named()
    {
        var limits = new ThresholdLimits { ActBelow = 5, WatchBelow = 2 };

        var problem = Assert.Single(limits.Problems());

        Assert.Equal("watchBelow", problem.Key);
        Assert.Contains("watchBelow (2) must be at or above actBelow (5)", problem.Value[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_high_limit_at_or_under_a_low_one_is_named_even_across_missing_limits()
    {
        var limits = new ThresholdLimits { ActBelow = 10, ActAbove = 10 };

        Assert.Equal(["actAbove"], limits.Problems().Keys);
    }

    [Fact]
    public void An_absurd_number_is_refused_before_any_order_is_checked()
    {
        var limits = new ThresholdLimits { WatchAbove = 5e12, ActAbove = 1 };

        Assert.Equal(["watchAbove"], limits.Problems().Keys);
    }

    [Fact]
    public void No_limits_at_all_is_allowed_and_shows_no_state()
    {
        var threshold = new ThresholdLimits().Over(DefaultThresholds.All["temperature"]);

        Assert.Empty(new ThresholdLimits().Problems());
        Assert.Equal(TileState.Unknown, threshold.Evaluate(-10, out _));
    }

    [Fact]
    public void Limits_laid_over_a_threshold_keep_its_advice_kind_and_context()
    {
        var threshold = new ThresholdLimits { WatchAbove = 2 }.Over(DefaultThresholds.All["turbidity"]);

        Assert.Equal((TileState.Watch, "reason.cloudy"), (threshold.Evaluate(3, out var reason), reason));
        Assert.Equal(("operational", "who.turbidity"), (threshold.Kind, threshold.Context));
        Assert.Equal(1, DefaultThresholds.All["turbidity"].WatchAbove);
    }

    [Fact]
    public void The_admin_limits_win_over_configured_thresholds_and_only_for_their_quantity()
    {
        var options = new DashboardOptions();
        options.Thresholds["temperature"] = new QuantityThreshold { ActBelow = -3, LowReason = "reason.frost" };
        options.LimitOverrides["temperature"] = new ThresholdLimits { ActBelow = 4 };

        var effective = options.EffectiveThresholds();

        Assert.Equal((TileState.Act, "reason.frost"), (effective["temperature"].Evaluate(3, out var reason), reason));
        Assert.Equal(-3, options.ConfiguredThresholds()["temperature"].ActBelow);
        Assert.Same(DefaultThresholds.All["ph"], effective["ph"]);
    }
}
