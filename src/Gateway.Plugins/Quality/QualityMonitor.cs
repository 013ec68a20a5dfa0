using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Quality;

/// <summary>
/// Applies <see cref="QualityRule"/>s to a sensor's successive readings: physical range, rate of change against the
/// previous reading, and stuck values. Remembers one previous value per quantity. Not thread-safe: the gateway reads
/// a sensor from one task at a time.
/// </summary>
public sealed class QualityMonitor
{
    private readonly IReadOnlyDictionary<string, QualityRule> _rules;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, (double Value, DateTimeOffset At, DateTimeOffset Since)> _previous = new(StringComparer.Ordinal);

    public QualityMonitor(IReadOnlyDictionary<string, QualityRule> rules, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(time);
        _rules = rules;
        _time = time;
    }

    /// <summary>The sample with flags added; failures pass through untouched.</summary>
    public SensorSample Check(SensorSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!sample.IsSuccess || _rules.Count == 0)
        {
            return sample;
        }

        var now = _time.GetUtcNow();
        var checkedMeasurements = new Measurement[sample.Measurements.Count];
        for (var i = 0; i < checkedMeasurements.Length; i++)
        {
            var m = sample.Measurements[i];
            checkedMeasurements[i] = _rules.TryGetValue(m.Quantity, out var rule) ? m with { Quality = m.Quality | Flags(m, rule, now) } : m;
        }

        return SensorSample.Success(checkedMeasurements);
    }

    private ReadingQuality Flags(Measurement m, QualityRule rule, DateTimeOffset now)
    {
        var flags = ReadingQuality.Good;
        if (m.Value < rule.Min || m.Value > rule.Max)
        {
            flags |= ReadingQuality.OutOfRange;
        }

        if (_previous.TryGetValue(m.Quantity, out var previous))
        {
            var minutes = (now - previous.At).TotalMinutes;
            if (rule.MaxChangePerMinute is { } maxRate && minutes > 0 && Math.Abs(m.Value - previous.Value) / minutes > maxRate)
            {
                flags |= ReadingQuality.RateOfChange;
            }

            var since = m.Value.Equals(previous.Value) ? previous.Since : now;
            if (rule.StuckAfter is { } stuckAfter && now - since >= stuckAfter)
            {
                flags |= ReadingQuality.Stuck;
            }

            _previous[m.Quantity] = (m.Value, now, since);
        }
        else
        {
            _previous[m.Quantity] = (m.Value, now, now);
        }

        return flags;
    }
}
