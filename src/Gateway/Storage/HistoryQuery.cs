using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Storage;

/// <summary>
/// Min / mean / max of one sensor quantity per time bucket, aggregated by SQLite over the reading log. Read-only.
/// Readings flagged as out of range, as sensor errors, or as taken during a calibration (the probe was in a buffer)
/// are left out of the aggregates.
/// </summary>
public sealed class HistoryQuery(SqliteConnections connections)
{
    private const int Unusable = (int)(ReadingQuality.OutOfRange | ReadingQuality.SensorError | ReadingQuality.Calibrating);

    public IReadOnlyList<HistoryBucket> Read(string sensor, string quantity, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var bucketMs = (long)bucket.TotalMilliseconds;
        using var connection = connections.Open();
        var firstSeq = SequenceRange.FirstAtOrAfter(connection, fromMs);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (r.time_ms - $from) / $bucket AS b, count(*), min(r.value), avg(r.value), max(r.value)
            FROM readings r
            WHERE r.seq >= $first
              AND r.series IN (SELECT id FROM series WHERE sensor = $sensor AND quantity = $quantity)
              AND r.time_ms >= $from AND r.time_ms < $to
              AND (r.quality & $unusable) = 0
            GROUP BY b ORDER BY b
            """;
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        command.Parameters.AddWithValue("$bucket", bucketMs);
        command.Parameters.AddWithValue("$first", firstSeq);
        command.Parameters.AddWithValue("$sensor", sensor);
        command.Parameters.AddWithValue("$quantity", quantity);
        command.Parameters.AddWithValue("$unusable", Unusable);
        using var reader = command.ExecuteReader();
        var buckets = new List<HistoryBucket>();
        while (reader.Read())
        {
            buckets.Add(new HistoryBucket(
                DateTimeOffset.FromUnixTimeMilliseconds(fromMs + (reader.GetInt64(0) * bucketMs)),
                reader.GetInt32(1),
                reader.GetDouble(2),
                reader.GetDouble(3),
                reader.GetDouble(4)));
        }

        return buckets;
    }
}
