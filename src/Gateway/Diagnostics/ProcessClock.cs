namespace SmartVillage.Gateway.Diagnostics;

/// <summary>When this process started, for uptime.</summary>
public sealed class ProcessClock(TimeProvider time)
{
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}
