using Microsoft.Extensions.Time.Testing;

namespace SmartVillage.Gateway.Tests.Support;

/// <summary>
/// A view of a <see cref="FakeTimeProvider"/> that counts the timers created through it. A loop that waits on the
/// fake clock creates a timer when it starts waiting, so a test can advance the clock exactly when the loop waits,
/// never before (a timer created after an advance would miss it).
/// </summary>
public sealed class TimerCountingClock(FakeTimeProvider clock) : TimeProvider
{
    private int _timers;

    public int TimersCreated => Volatile.Read(ref _timers);

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timers);
        return clock.CreateTimer(callback, state, dueTime, period);
    }
}
