using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Storage.Retention;
using SmartVillage.Gateway.Storage.Rollups;

namespace SmartVillage.Gateway.Storage;

/// <summary>
/// The writer's maintenance pass, run between groups on its own connection: roll completed hours up, then keep the
/// history horizons and the quota (<see cref="QuotaKeeper"/>), counting and logging every reading given up.
/// </summary>
public sealed partial class ReadingWriter
{
    private (MaintenanceResult? Result, StoreWriteException? Failure) Maintain(HourlyRollups rollups, QuotaKeeper quota, bool diskFull)
    {
        _lastMaintenance = _time.GetTimestamp();
        try
        {
            var now = _time.GetUtcNow();
            var trusted = _clock.IsTrusted(now);
            // Roll up first: readings leave the log only once their hour is in the rollups. With an untrusted clock
            // the hour in progress is unknown, so routine rollups wait (deletions still roll up what they remove).
            // On a full disk, room comes first: the routine rollup waits for the next pass.
            var progress = trusted && !diskFull ? rollups.RollUpCompletedHours(now, _options.RollupBudget) : new RollupProgress(0, Behind: false);
            _rollupBehind = progress.Behind;
            var result = quota.Run(now, trusted, diskFull) with
            {
                RollupRowsWritten = progress.RowsWritten,
                RollupBehind = progress.Behind,
                RollupWatermark = rollups.Watermark(),
            };
            Interlocked.Exchange(ref _usedBytes, result.UsedBytes);
            if (result.DroppedCount > 0)
            {
                Interlocked.Add(ref _dropped, result.DroppedCount);
                foreach (var gap in result.Dropped)
                {
                    LogDropped(_logger, gap.Count, gap.First, gap.Last, _options.QuotaBytes);
                }
            }

            return (result, null);
        }
        catch (SqliteException exception)
        {
            // Maintenance failing (disk error) must not stop the writer: readings keep being accepted while possible.
            // Every step is its own transaction, so a failure leaves the rollups and the log consistent.
            _rollupBehind = false;
            LogMaintenanceFailed(_logger, _connections.FilePath, exception.Message);
            return (null, new StoreWriteException($"Maintenance of {_connections.FilePath} failed: {exception.Message}", exception));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage: quota of {Quota} bytes reached; gave up {Count} undelivered readings {First}-{Last} (oldest first), recorded as a gap")]
    private static partial void LogDropped(ILogger logger, long count, long first, long last, long quota);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage: maintenance of {Path} failed: {Reason}")]
    private static partial void LogMaintenanceFailed(ILogger logger, string path, string reason);
}
