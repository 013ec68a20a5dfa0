using System.Collections.Concurrent;
using System.Net;

namespace SmartVillage.Gateway.Dashboard.Admin;

/// <summary>
/// Slows down password guessing per client address: after each wrong password the address must wait twice as long
/// as before (1 s, 2 s, 4 s … at most 5 minutes) before its next attempt; a right password clears it. A wait, never a
/// permanent lockout, so nobody can lock the farmer out for good.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<IPAddress, Entry> _entries = new();

    /// <summary>How long <paramref name="client"/> must still wait; zero when it may try now.</summary>
    public TimeSpan WaitFor(IPAddress client)
    {
        var remaining = _entries.TryGetValue(client, out var entry) ? entry.Until - time.GetUtcNow() : TimeSpan.Zero;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    public void Failed(IPAddress client) =>
        _entries.AddOrUpdate(
            client,
            _ => new Entry(1, time.GetUtcNow() + First),
            (_, previous) =>
            {
                var wait = TimeSpan.FromTicks(Math.Min(First.Ticks << Math.Min(previous.Failures, 20), Longest.Ticks));
                return new Entry(previous.Failures + 1, time.GetUtcNow() + wait);
            });

    public void Succeeded(IPAddress client) => _entries.TryRemove(client, out _);

    private sealed record Entry(int Failures, DateTimeOffset Until);
}
