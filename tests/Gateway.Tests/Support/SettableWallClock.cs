namespace SmartVillage.Gateway.Tests.Support;

/// <summary>
/// A clock whose wall time can be set (a board booting in 1970, NTP stepping it, someone setting it wrong) while the
/// monotonic clock and timers run as on the real machine, which is exactly what happens on a Pi.
/// </summary>
public sealed class SettableWallClock(DateTimeOffset wall) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _wall = wall;
    private long _setAt = System.GetTimestamp();

    public void SetWall(DateTimeOffset wall)
    {
        lock (_gate)
        {
            _wall = wall;
            _setAt = System.GetTimestamp();
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _wall + System.GetElapsedTime(_setAt);
        }
    }
}
