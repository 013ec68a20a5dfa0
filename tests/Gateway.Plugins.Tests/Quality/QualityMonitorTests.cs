using Microsoft.Extensions.Time.Testing;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Quality;

namespace SmartVillage.Plugins.Tests.Quality;

public sealed class QualityMonitorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly QualityMonitor _monitor;

    public QualityMonitorTests()
    {
        var definition = new SensorDefinition { Id = "tank-ph", Type = "ads1115-ph" };
        definition.Settings["ph.Min"] = "0";
        definition.Settings["ph.Max"] = "14";
        definition.Settings["ph.MaxChangePerMinute"] = "0.5";
        definition.Settings["ph.StuckAfterMinutes"] = "30";
        _monitor = new QualityMonitor(QualityCheckedFactory.Rules(definition), _time);
    }

    [Fact]
    public void A_value_outside_the_physical_range_is_flagged_and_kept()
    {
        var ph = Read(15.2);

        Assert.Equal(15.2, ph.Value);
        Assert.True(ph.Quality.HasFlag(ReadingQuality.OutOfRange));
    }

    [Fact]
    public void A_jump_faster_than_the_allowed_rate_is_flagged()
    {
        Read(7.0);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(Read(8.0).Quality.HasFlag(ReadingQuality.RateOfChange));
    }

    [Fact]
    public void A_slow_change_is_not_flagged()
    {
        Read(7.0);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(ReadingQuality.Good, Read(7.2).Quality);
    }

    [Fact]
    public void A_value_repeated_exactly_for_30_minutes_is_flagged_stuck()
    {
        for (var minute = 0; minute < 30; minute += 5)
        {
            Read(7.13);
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.True(Read(7.13).Quality.HasFlag(ReadingQuality.Stuck));
    }

    [Fact]
    public void A_value_that_moves_again_is_no_longer_stuck()
    {
        Read(7.13);
        _time.Advance(TimeSpan.FromMinutes(40));
        Read(7.13);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(Read(7.14).Quality.HasFlag(ReadingQuality.Stuck));
    }

    [Fact]
    public void A_failed_read_passes_through_unchanged()
    {
        var failure = SensorSample.Failure("ADS1115 input 0: no acknowledge");

        Assert.Same(failure, _monitor.Check(failure));
    }

    [Fact]
    public void Quantities_without_a_rule_are_left_alone()
    {
        var sample = _monitor.Check(SensorSample.Success(new Measurement("temperature", "Cel", 500)));

        Assert.Equal(ReadingQuality.Good, sample.Measurements[0].Quality);
    }

    private Measurement Read(double ph) => _monitor.Check(SensorSample.Success(new Measurement("ph", "pH", ph))).Measurements[0];
}
