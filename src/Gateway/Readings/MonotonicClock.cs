namespace SmartVillage.Gateway.Readings;

/// <summary>Milliseconds on the monotonic clock (CLOCK_MONOTONIC on Linux: since boot, never jumps).</summary>
public static class MonotonicClock
{
    public static long Milliseconds(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.GetTimestamp() * 1000 / time.TimestampFrequency;
    }
}
