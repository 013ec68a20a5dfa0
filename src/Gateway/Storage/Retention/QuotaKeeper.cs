using System.Globalization;
using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Readings;

namespace SmartVillage.Gateway.Storage.Retention;

/// <summary>
/// Keeps the database within its quota and history horizon, on the writer's own connection (the single writer).
/// Order of sacrifice: readings delivered everywhere, oldest first; then undelivered readings, oldest first, as gaps.
/// Deleted pages go to SQLite's free list and are reused by new readings, so the file stops growing at the quota
/// without a VACUUM (which would rewrite the whole file on an SD card).
/// </summary>
internal sealed class QuotaKeeper(SqliteConnection connection, StorageOptions options, IReadOnlyCollection<string> upstreams)
{
    private const int Batch = 2000;

    /// <summary>Start removing above this share of the quota, and remove down to <see cref="TargetShare"/>.</summary>
    private const double HighShare = 0.9;
    private const double TargetShare = 0.8;

    public MaintenanceResult Run(DateTimeOffset now, bool clockTrusted, bool diskFull = false)
    {
        long delivered = 0;
        var dropped = new List<GapRecord>();
        var deliveredEverywhere = DeliveredEverywhere();
        if (clockTrusted)
        {
            // Only a trusted clock may expire history: a clock jumped forward must not throw away a year of readings.
            delivered += Delete($"seq <= {deliveredEverywhere} AND time_ms < {(now - options.History).ToUnixTimeMilliseconds()}", int.MaxValue);
        }

        var used = UsedBytes();
        if (!diskFull && used <= options.QuotaBytes * HighShare)
        {
            return new MaintenanceResult(delivered, dropped, used);
        }

        var target = diskFull ? used * TargetShare : options.QuotaBytes * TargetShare;
        while (used > target)
        {
            var removed = Delete($"seq <= {deliveredEverywhere}", Batch);
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

        return new MaintenanceResult(delivered, dropped, used);
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

    /// <summary>The highest sequence number every configured upstream has acknowledged (all of them when none is configured).</summary>
    private long DeliveredEverywhere()
    {
        if (upstreams.Count == 0)
        {
            return 0;
        }

        using var command = connection.CreateCommand();
        var names = string.Join(", ", upstreams.Select((_, i) => "$u" + i));
        command.CommandText = $"SELECT count(*), coalesce(min(acked_seq), 0) FROM upstream_cursors WHERE name IN ({names})";
        var i = 0;
        foreach (var name in upstreams)
        {
            command.Parameters.AddWithValue("$u" + i++, name);
        }

        using var reader = command.ExecuteReader();
        reader.Read();
        // An upstream that never acknowledged anything has no cursor row yet: then nothing is delivered everywhere.
        return reader.GetInt64(0) < upstreams.Count ? 0 : reader.GetInt64(1);
    }

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

    private GapRecord? DropOldestUndelivered(DateTimeOffset now)
    {
        using var transaction = connection.BeginTransaction();
        RememberHighestSequence(transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT min(seq), max(seq) FROM (SELECT seq FROM readings ORDER BY seq LIMIT {Batch})";
        long first;
        long last;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read() || reader.IsDBNull(0))
            {
                return null;
            }

            (first, last) = (reader.GetInt64(0), reader.GetInt64(1));
        }

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
