using System.Globalization;
using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage.Acknowledgements;
using SmartVillage.Gateway.Storage.Rollups;

namespace SmartVillage.Gateway.Storage.Retention;

/// <summary>
/// Keeps the database within its quota and history horizons, on the writer's own connection (the single writer).
/// Order of sacrifice: readings delivered everywhere, oldest first; then undelivered readings, oldest first, as gaps;
/// then, only when no reading is left to remove, the oldest hourly rollups. Every reading is rolled up before it is
/// deleted, so its hour stays in the dashboard's history after the reading itself is gone.
/// Deleted pages go to SQLite's free list and are reused by new readings, so the file stops growing at the quota
/// without a VACUUM (which would rewrite the whole file on an SD card).
/// </summary>
internal sealed class QuotaKeeper(SqliteConnection connection, StorageOptions options, IReadOnlyCollection<string> upstreams, HourlyRollups rollups)
{
    private const int Batch = 2000;
    private const int SqliteFull = 13;

    /// <summary>Rollups are removed a day of hours at a time when the quota needs their room (last resort).</summary>
    private const int RollupHoursPerStep = 24;

    /// <summary>Start removing above this share of the quota, and remove down to <see cref="TargetShare"/>.</summary>
    private const double HighShare = 0.9;
    private const double TargetShare = 0.8;

    public MaintenanceResult Run(DateTimeOffset now, bool clockTrusted, bool diskFull = false)
    {
        long delivered = 0;
        long rollupRows = 0;
        var dropped = new List<GapRecord>();
        var deliveredEverywhere = Predicate(DeliveredEverywhere());
        if (clockTrusted)
        {
            // Only a trusted clock may expire history: a clock jumped forward must not throw away a year of readings.
            // Only readings already in the rollups (at or below the watermark) expire, so their hours stay charted.
            delivered += Delete($"{deliveredEverywhere} AND seq <= {rollups.Watermark()} AND time_ms < {(now - options.History).ToUnixTimeMilliseconds()}", int.MaxValue);
            rollupRows += ExpireRollups(now);
        }

        var used = UsedBytes();
        if (!diskFull && used <= options.QuotaBytes * HighShare)
        {
            return new MaintenanceResult(delivered, dropped, used) { RollupRowsRemoved = rollupRows };
        }

        var target = diskFull ? used * TargetShare : options.QuotaBytes * TargetShare;
        while (used > target)
        {
            var removed = DeleteOldestDelivered(deliveredEverywhere, diskFull);
            if (removed == 0)
            {
                break;
            }

            delivered += removed;
            used = UsedBytes();
        }

        // A disk filled by something else is not our quota: only delivered readings make room then. Undelivered ones
        // are given up only for the configured quota, the written policy.
        while (!diskFull && used > target && DropOldestUndelivered(now) is { } gap)
        {
            dropped.Add(gap);
            used = UsedBytes();
        }

        // Rollups are small (about 48 bytes per series and hour) and are the only history left of readings given up,
        // so they go last: only a quota too small for the rollups themselves gets here.
        while (!diskFull && used > target && rollups.RemoveOldestHours(RollupHoursPerStep) is > 0 and var removedRows)
        {
            rollupRows += removedRows;
            used = UsedBytes();
        }

        return new MaintenanceResult(delivered, dropped, used) { RollupRowsRemoved = rollupRows };
    }

    /// <summary>
    /// Rollups older than <see cref="StorageOptions.RollupHistory"/> (never less than the readings' own
    /// <see cref="StorageOptions.History"/>, so that every hour the readings cover stays charted) are removed.
    /// </summary>
    private long ExpireRollups(DateTimeOffset now)
    {
        var keep = options.RollupHistory > options.History ? options.RollupHistory : options.History;
        return rollups.RemoveHoursBefore((long)Math.Floor((now - keep).ToUnixTimeMilliseconds() / (double)RollupSql.HourMs));
    }

    /// <summary>
    /// Before rows are deleted, keep the highest sequence number ever given in meta: if the deletion took the newest
    /// row, the next start must still continue above it, so no number is ever given twice.
    /// </summary>
    private void RememberHighestSequence(SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO meta (key, value) VALUES ('last_seq', coalesce((SELECT max(seq) FROM readings), 0))
            ON CONFLICT (key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))
            """;
        command.ExecuteNonQuery();
    }

    public long UsedBytes()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count()), (SELECT page_size FROM pragma_page_size())";
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetInt64(0) * reader.GetInt64(1);
    }

    /// <summary>
    /// The readings every configured upstream has acknowledged: the intersection of their acknowledged sets, which
    /// after a newest-first drain is a prefix plus spans above it. With no upstream configured, nothing is delivered,
    /// so every reading the quota takes is recorded as a gap.
    /// </summary>
    private SequenceSet DeliveredEverywhere()
    {
        SequenceSet? delivered = null;
        foreach (var name in upstreams)
        {
            var acknowledged = AcknowledgementTable.Load(connection, null, name);
            delivered = delivered is null ? acknowledged : delivered.Intersect(acknowledged);
            if (delivered.IsEmpty)
            {
                break;
            }
        }

        return delivered ?? new SequenceSet();
    }

    /// <summary>An SQL condition on <c>seq</c> true exactly for the numbers in <paramref name="set"/> (numbers only, no text).</summary>
    private static string Predicate(SequenceSet set) =>
        set.IsEmpty
            ? "0"
            : "(" + string.Join(" OR ", set.Spans.Select(s => string.Create(CultureInfo.InvariantCulture, $"seq BETWEEN {s.First} AND {s.Last}"))) + ")";

    private long Delete(string where, int limit)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT EXISTS (SELECT 1 FROM readings WHERE {where})";
        if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            // Nothing to remove (the usual case of the periodic history pass): write nothing, so no WAL frame and no
            // fsync for a pass that changes nothing.
            return 0;
        }

        RememberHighestSequence(transaction);
        command.CommandText = $"DELETE FROM readings WHERE seq IN (SELECT seq FROM readings WHERE {where} ORDER BY seq LIMIT {limit})";
        var removed = command.ExecuteNonQuery();
        transaction.Commit();
        return removed;
    }

    /// <summary>Removes the oldest batch of readings delivered everywhere, rolled up first.</summary>
    /// <param name="deliveredEverywhere">An SQL condition on <c>seq</c>: the readings every upstream acknowledged.</param>
    private long DeleteOldestDelivered(string deliveredEverywhere, bool diskFull)
    {
        if (OldestBatch(deliveredEverywhere) is not { } batch)
        {
            return 0;
        }

        RollUpBeforeDeleting(batch.Last, diskFull);
        // Still only delivered readings: after a newest-first drain, undelivered ones may lie below batch.Last.
        return Delete($"{deliveredEverywhere} AND seq <= {batch.Last}", int.MaxValue);
    }

    /// <summary>
    /// Rolls up what is about to be deleted. On a disk filled by something else even the rollup may not fit: then
    /// room for new readings comes first, and the deleted readings' hours miss them in the history (never counted
    /// twice: the watermark stays below them, and they are gone).
    /// </summary>
    private void RollUpBeforeDeleting(long last, bool diskFull)
    {
        try
        {
            rollups.RollUpThrough(last);
        }
        catch (SqliteException exception) when (diskFull && exception.SqliteErrorCode == SqliteFull)
        {
            // Documented in docs/durability.md (When storage is full): a full disk gives up history, not readings.
        }
    }

    /// <summary>The first and last sequence numbers of the oldest <see cref="Batch"/> readings matching <paramref name="where"/>.</summary>
    private (long First, long Last)? OldestBatch(string where)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT min(seq), max(seq) FROM (SELECT seq FROM readings WHERE {where} ORDER BY seq LIMIT {Batch})";
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    private GapRecord? DropOldestUndelivered(DateTimeOffset now)
    {
        if (OldestBatch("1") is not { } batch)
        {
            return null;
        }

        var (first, last) = batch;
        // Given up upstream, but not on the dashboard: their hours stay in the rollups.
        rollups.RollUpThrough(last);
        using var transaction = connection.BeginTransaction();
        RememberHighestSequence(transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM readings WHERE seq BETWEEN $first AND $last";
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$last", last);
        command.ExecuteNonQuery();
        // Extend the previous quota gap when this one continues it, so a long outage is one gap, not thousands.
        command.CommandText = """
            INSERT INTO gaps (first_seq, last_seq, reason, recorded_ms)
            SELECT $first, $last, 'quota', $now
            WHERE NOT EXISTS (SELECT 1 FROM gaps WHERE reason = 'quota' AND last_seq >= $first - 1 AND first_seq <= $first);
            UPDATE gaps SET last_seq = max(last_seq, $last) WHERE reason = 'quota' AND last_seq >= $first - 1 AND first_seq < $first;
            INSERT INTO meta (key, value) VALUES ('dropped_readings', $count)
              ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + $count;
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$count", (last - first + 1).ToString(CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
        transaction.Commit();
        return new GapRecord(first, last, "quota");
    }
}
