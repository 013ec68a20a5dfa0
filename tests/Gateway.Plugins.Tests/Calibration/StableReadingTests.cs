using Microsoft.Extensions.Time.Testing;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Plugins.Tests.Calibration;

public sealed class StableReadingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly StableReading _stable;

    public StableReadingTests() => _stable = new StableReading(_time);

    [Fact]
    public void A_steady_electrode_is_stable_once_the_whole_window_has_passed()
    {
        var results = new List<bool>();
        for (var second = 0; second <= 30; second += 5)
        {
            results.Add(_stable.Add(177.2 + (second % 10 == 0 ? 0.3 : 0)));
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.All(results[..^1], r => Assert.False(r));
        Assert.True(results[^1]);
    }

    [Fact]
    public void A_drifting_electrode_is_never_stable()
    {
        var stable = false;
        for (var second = 0; second <= 60; second += 5)
        {
            stable = _stable.Add(170 + (second * 0.1));
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.False(stable);
    }

    [Fact]
    public void An_electrode_that_settles_after_a_drift_becomes_stable()
    {
        for (var second = 0; second < 30; second += 5)
        {
            _stable.Add(160 + second);
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        var stable = false;
        for (var second = 0; second <= 30; second += 5)
        {
            stable = _stable.Add(190.1);
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.True(stable);
    }

    [Fact]
    public void The_time_steady_grows_while_the_electrode_settles_and_restarts_when_it_moves()
    {
        _stable.Add(150);
        _time.Advance(TimeSpan.FromSeconds(10));
        _stable.Add(170);
        _time.Advance(TimeSpan.FromSeconds(10));
        _stable.Add(170.4);
        _time.Advance(TimeSpan.FromSeconds(10));
        _stable.Add(170.2);

        Assert.Equal(TimeSpan.FromSeconds(20), _stable.SteadyFor);
        Assert.Equal(20.4, _stable.Spread, 3);
        Assert.False(_stable.IsStable);
    }
}
