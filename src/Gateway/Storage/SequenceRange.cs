using Microsoft.Data.Sqlite;

namespace SmartVillage.Gateway.Storage;

/// <summary>
/// Finds the sequence numbers that bound a time range by bisecting the primary key: about 2 × log2(n) point reads
/// instead of a scan, because the log has no time index (an index would add SD-card writes to every reading).
/// </summary>
/// <remarks>
/// Why this is good enough for charts: readings are appended as they are read, so time rises with sequence. Readings
/// stored far out of time order (a node's backlog arriving a day late, a boot before the clock was set) can fall
/// outside the bounds found; the caller still filters on time, so nothing outside the range is ever shown. The CSV
/// export does not use this: it must hold every reading, so it scans.
/// </remarks>
internal static class SequenceRange
{
    /// <summary>The first sequence number whose time is at or after <paramref name="timeMs"/> (max + 1 when none).</summary>
    public static long FirstAtOrAfter(SqliteConnection connection, long timeMs)
    {
        using var bounds = connection.CreateCommand();
        // Two subqueries: SQLite finds a lone min() or max() of the key in one seek, but min() and max() in one
        // SELECT make it scan the whole table.
        bounds.CommandText = "SELECT coalesce((SELECT min(seq) FROM readings), 0), coalesce((SELECT max(seq) FROM readings), 0)";
        long low, high;
        using (var reader = bounds.ExecuteReader())
        {
            reader.Read();
            low = reader.GetInt64(0);
            high = reader.GetInt64(1) + 1;
        }

        using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT seq, time_ms FROM readings WHERE seq >= $s ORDER BY seq LIMIT 1";
        var parameter = probe.Parameters.Add("$s", SqliteType.Integer);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            parameter.Value = middle;
            using var reader = probe.ExecuteReader();
            if (!reader.Read())
            {
                high = middle;
                continue;
            }

            var (seq, time) = (reader.GetInt64(0), reader.GetInt64(1));
            if (time >= timeMs)
            {
                high = middle;
            }
            else
            {
                low = seq + 1;
            }
        }

        return low;
    }
}
