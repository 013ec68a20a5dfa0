using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SmartVillage.Gateway.Dashboard.Admin;

/// <summary>
/// Logged-in admin sessions, in memory (a restart logs everyone out). The cookie holds only a random id; each
/// session has its own anti-forgery token that state-changing requests must echo in a header.
/// </summary>
public sealed class AdminSessions(TimeProvider time)
{
    public const string CookieName = "sv_admin";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    private readonly ConcurrentDictionary<string, AdminSession> _sessions = new(StringComparer.Ordinal);

    public AdminSession Start()
    {
        var session = new AdminSession(Token(), Token(), time.GetUtcNow() + Lifetime);
        _sessions[session.Id] = session;
        return session;
    }

    public AdminSession? Find(string? id)
    {
        if (id is null || !_sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        if (session.ExpiresAt <= time.GetUtcNow())
        {
            _sessions.TryRemove(id, out _);
            return null;
        }

        return session;
    }

    public void End(string id) => _sessions.TryRemove(id, out _);

    /// <summary>Ends every session, e.g. after a password change.</summary>
    public void EndAll() => _sessions.Clear();

    private static string Token() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}

public sealed record AdminSession(string Id, string AntiForgeryToken, DateTimeOffset ExpiresAt);
