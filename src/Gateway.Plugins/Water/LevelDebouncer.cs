using System.Device.Gpio;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// The settled level of a slow switch (a float in a tank): a new level counts only once the line has held it, with
/// no edge, for the whole settle time. Waves lapping at a float make it chatter for seconds, far longer than a reed
/// switch bounces, so this waits for quiet rather than counting the first edge. Edges are reported as they happen;
/// the level is judged when asked, against the line's level then.
/// </summary>
/// <remarks>The level seen when the pin is opened counts as settled: nothing says it changed just before.</remarks>
public sealed class LevelDebouncer
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _settle;
    private readonly Lock _gate = new();
    private long? _lastEdge;
    private PinValue _settled;

    public LevelDebouncer(TimeProvider time, TimeSpan settle, PinValue initial)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(settle, TimeSpan.Zero);
        _time = time;
        _settle = settle;
        _settled = initial;
    }

    /// <summary>The line changed level now.</summary>
    public void Edge()
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            _lastEdge = now;
        }
    }

    /// <summary>The settled level, given the line's level <paramref name="now"/>.</summary>
    public PinValue Settled(PinValue now)
    {
        var at = _time.GetTimestamp();
        lock (_gate)
        {
            if (now != _settled && (_lastEdge is not { } edge || _time.GetElapsedTime(edge, at) >= _settle))
            {
                _settled = now;
            }

            return _settled;
        }
    }
}
