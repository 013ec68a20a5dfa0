namespace SmartVillage.Gateway.Readings;

/// <summary>
/// Whether the wall clock can be believed. A Pi has no real-time clock: until NTP answers it may think it is 1970,
/// or the last time it was shut down. A time before the sanity bound (at least the build date) is not trusted; with
/// <paramref name="syncFlagFile"/> set, the clock is trusted only once the time daemon says it is synchronised
/// (systemd-timesyncd creates <c>/run/systemd/timesync/synchronized</c>).
/// </summary>
public sealed class ClockTrust(DateTimeOffset trustedAfter, string? syncFlagFile = null)
{
    public const string TimesyncFlagFile = "/run/systemd/timesync/synchronized";

    public DateTimeOffset TrustedAfter { get; } = trustedAfter;

    public bool IsTrusted(DateTimeOffset now) => now >= TrustedAfter && (syncFlagFile is null || File.Exists(syncFlagFile));
}
