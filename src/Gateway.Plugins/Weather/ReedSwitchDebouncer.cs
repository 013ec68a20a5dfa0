namespace SmartVillage.Plugins.Weather;

/// <summary>
/// Turns the edges of a bouncing reed switch into closures. A reed switch chatters for a few to a few hundred
/// milliseconds each time it closes; an edge counts only when the line had been quiet for the whole debounce interval
/// before it (domain reference §3.7: rain about 50-100 ms, anemometer 1-5 ms). Timing by the injected clock's
/// monotonic timestamps, so tests move time instead of waiting.
/// </summary>
/// <remarks>Quiet time is measured from the previous edge of either direction, not from the last counted closure:
/// a burst of bounces longer than the interval still counts once.</remarks>
public sealed class ReedSwitchDebouncer
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private long? _lastEdge;

    public ReedSwitchDebouncer(TimeProvider time, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        _time = time;
        _interval = interval;
    }

    /// <summary>Reports an edge now.</summary>
    /// <param name="closing">True for the edge that closes the switch (the one that may count).</param>
    /// <returns>True when this edge is a new closure.</returns>
    public bool Edge(bool closing)
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            var quiet = _lastEdge is not { } last || _time.GetElapsedTime(last, now) >= _interval;
            _lastEdge = now;
            return closing && quiet;
        }
    }
}
