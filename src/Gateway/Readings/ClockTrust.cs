namespace SmartVillage.Gateway.Readings;

/// <summary>
/// Whether the wall clock can be believed. A Pi has no real-time clock: until NTP answers it may think it is 1970,
/// or the last time it was shut down. A time before the sanity bound (at least the build date) is not trusted.
/// </summary>
public sealed class ClockTrust(DateTimeOffset trustedAfter)
{
    public DateTimeOffset TrustedAfter { get; } = trustedAfter;

    public bool IsTrusted(DateTimeOffset now) => now >= TrustedAfter;
}
