namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// Decides when an electrode in a buffer has settled, so the calibration point is recorded at equilibrium and not
/// on the drift after a rinse: stable once the readings of the last <see cref="Window"/> lie within
/// <see cref="ToleranceMillivolts"/> of each other (default: 30 s within 1 mV, as Atlas-style procedures wait).
/// The tolerance is in the raw value's own unit (mV for a pH electrode, V for an EC board).
/// </summary>
public sealed class StableReading
{
    private readonly TimeProvider _time;
    private readonly Queue<(DateTimeOffset At, double Millivolts)> _recent = new();

    public StableReading(TimeProvider time, TimeSpan? window = null, double toleranceMillivolts = 1.0)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Window = window ?? TimeSpan.FromSeconds(30);
        ToleranceMillivolts = toleranceMillivolts;
    }

    public TimeSpan Window { get; }

    public double ToleranceMillivolts { get; }

    /// <summary>How far back from the newest reading every reading stays within the tolerance (for a progress bar).</summary>
    public TimeSpan SteadyFor { get; private set; }

    /// <summary>Highest minus lowest reading over the window (or what has been seen of it).</summary>
    public double Spread { get; private set; }

    /// <summary>What the last <see cref="Add"/> returned.</summary>
    public bool IsStable { get; private set; }

    /// <summary>Adds a reading taken now.</summary>
    /// <returns>True when the readings have covered the whole window and stayed within the tolerance.</returns>
    public bool Add(double millivolts)
    {
        var now = _time.GetUtcNow();
        _recent.Enqueue((now, millivolts));
        // Keep one reading at or before the window's start, so "covered the whole window" can be judged.
        while (_recent.Count > 1 && now - _recent.ElementAt(1).At >= Window)
        {
            _recent.Dequeue();
        }

        var covered = now - _recent.Peek().At >= Window;
        Spread = _recent.Max(r => r.Millivolts) - _recent.Min(r => r.Millivolts);
        SteadyFor = Steady(now);
        IsStable = covered && Spread <= ToleranceMillivolts;
        return IsStable;
    }

    private TimeSpan Steady(DateTimeOffset now)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        var since = now;
        foreach (var (at, value) in _recent.Reverse())
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
            if (high - low > ToleranceMillivolts)
            {
                break;
            }

            since = at;
        }

        return now - since;
    }
}
