using Microsoft.Extensions.Options;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Acquisition;

/// <summary>
/// Watches for the moment the clock becomes trusted (NTP answered, or the time passed the sanity bound) and then has
/// the store re-base this boot's untrusted readings from their monotonic timestamps, so a kit that booted in 1970
/// still reports when each reading was really taken.
/// </summary>
public sealed partial class ClockWatcher(
    ClockTrust clock,
    ReadingWriter writer,
    IOptions<AcquisitionOptions> options,
    TimeProvider time,
    ILogger<ClockWatcher> logger) : BackgroundService
{
    /// <summary>True once the clock has been seen trusted in this process.</summary>
    public bool Trusted { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (!Trusted && clock.IsTrusted(now))
            {
                // Also after a restart with the clock already good: readings of this boot from before the sync remain.
                var count = await writer.RebaseUntrustedTimesAsync(now, MonotonicClock.Milliseconds(time), stoppingToken).ConfigureAwait(false);
                Trusted = true;
                LogTrusted(logger, now, count);
            }
            else if (Trusted && !clock.IsTrusted(now))
            {
                Trusted = false;
                LogUntrusted(logger, now);
            }

            await Task.Delay(options.Value.ClockCheckInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Clock: trusted at {Now:u}; {Count} readings of this boot taken before were re-based")]
    private static partial void LogTrusted(ILogger logger, DateTimeOffset now, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clock: {Now:u} is no longer trusted (before the sanity bound, or not synchronised); new readings are flagged")]
    private static partial void LogUntrusted(ILogger logger, DateTimeOffset now);
}
