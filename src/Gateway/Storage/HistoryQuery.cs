using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Storage.Rollups;

namespace SmartVillage.Gateway.Storage;

/// <summary>
/// Min / mean / max of one sensor quantity per time bucket. Read-only. Readings flagged as out of range or as sensor
/// errors are left out of the aggregates. Buckets of whole hours, aligned to hours, come from the hourly rollups plus
/// the readings not rolled up yet (the hour in progress): a month costs a few hundred rollup rows instead of a scan of
/// every reading, and hours whose readings were deleted stay charted. Finer buckets aggregate the readings themselves.
/// </summary>
public sealed class HistoryQuery(SqliteConnections connections)
{
    /// <summary>The readings of the range not yet in the rollups, aggregated per bucket.</summary>
    private static readonly string RawPart = $"""
        SELECT (r.time_ms - $from) / $bucket AS b, count(*) AS n,
               sum((r.quality & {RollupSql.Warning}) != 0) AS f,
               min(r.value) AS lo, total(r.value) AS s, max(r.value) AS hi
        FROM readings r
        WHERE r.seq > max($first - 1, $after)
          AND r.series IN (SELECT id FROM series WHERE sensor = $sensor AND quantity = $quantity)
          AND r.time_ms >= $from AND r.time_ms < $to
          AND (r.quality & {RollupSql.Unusable}) = 0
        GROUP BY b
        """;

    private static readonly string RawOnly = $"SELECT b, n, f, lo, s / n, hi FROM ({RawPart}) ORDER BY b";

    // One statement, so the watermark, the rollups and the readings are read from one snapshot: a rollup committed
    // between two reads could otherwise count its readings twice, or not at all. The raw part's lower bound is one
    // expression, max(bisected start, watermark), so that SQLite seeks straight to it.
    private static readonly string RollupsAndRaw = $"""
        SELECT b, sum(n), sum(f), min(lo), sum(s) / sum(n), max(hi) FROM (
            {RawPart.Replace("$after", $"({RollupSql.Watermark})", StringComparison.Ordinal)}
            UNION ALL
            SELECT (u.hour * {RollupSql.HourMs} - $from) / $bucket AS b, sum(u.usable), sum(u.flagged),
                   min(u.min_value), sum(u.sum_value), max(u.max_value)
            FROM rollups u
            WHERE u.series IN (SELECT id FROM series WHERE sensor = $sensor AND quantity = $quantity)
              AND u.hour >= $fromHour AND u.hour < $toHour AND u.usable > 0
            GROUP BY b)
        GROUP BY b ORDER BY b
        """;

    /// <summary>Buckets from the rollups where the range allows it (whole hours, aligned), else from the readings.</summary>
    public IReadOnlyList<HistoryBucket> Read(string sensor, string quantity, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket) =>
        CanUseRollups(from, to, bucket) ? Run(RollupsAndRaw, sensor, quantity, from, to, bucket) : ReadRaw(sensor, quantity, from, to, bucket);

    /// <summary>Buckets aggregated from the readings alone (what the rollups must equal while the readings exist).</summary>
    public IReadOnlyList<HistoryBucket> ReadRaw(string sensor, string quantity, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket) =>
        Run(RawOnly, sensor, quantity, from, to, bucket);

    private static bool CanUseRollups(DateTimeOffset from, DateTimeOffset to, TimeSpan bucket) =>
        from.ToUnixTimeMilliseconds() % RollupSql.HourMs == 0 && to.ToUnixTimeMilliseconds() % RollupSql.HourMs == 0 &&
        (long)bucket.TotalMilliseconds % RollupSql.HourMs == 0 && bucket > TimeSpan.Zero;

    private List<HistoryBucket> Run(string sql, string sensor, string quantity, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var bucketMs = (long)bucket.TotalMilliseconds;
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        command.Parameters.AddWithValue("$fromHour", fromMs / RollupSql.HourMs);
        command.Parameters.AddWithValue("$toHour", toMs / RollupSql.HourMs);
        command.Parameters.AddWithValue("$bucket", bucketMs);
        // Only a lower bound for the scan (time rises with sequence, see SequenceRange): the time filter decides.
        command.Parameters.AddWithValue("$first", SequenceRange.FirstAtOrAfter(connection, fromMs));
        command.Parameters.AddWithValue("$after", 0L);
        command.Parameters.AddWithValue("$sensor", sensor);
        command.Parameters.AddWithValue("$quantity", quantity);
        using var reader = command.ExecuteReader();
        var buckets = new List<HistoryBucket>();
        while (reader.Read())
        {
            buckets.Add(Bucket(reader, fromMs, bucketMs));
        }

        return buckets;
    }

    private static HistoryBucket Bucket(SqliteDataReader reader, long fromMs, long bucketMs) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(fromMs + (reader.GetInt64(0) * bucketMs)),
        reader.GetInt32(1),
        reader.GetDouble(3),
        reader.GetDouble(4),
        reader.GetDouble(5),
        reader.GetInt32(2));
}
