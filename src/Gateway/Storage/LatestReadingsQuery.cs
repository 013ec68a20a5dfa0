using SmartVillage.Gateway.Readings;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Storage;

/// <summary>
/// The last stored reading of each series among the newest readings. Read-only. The log has no index by series, so
/// the search is bounded to the last <c>lookback</c> sequence numbers: a scan of the table's tail, not of all of it.
/// </summary>
public sealed class LatestReadingsQuery(SqliteConnections connections)
{
    public IReadOnlyList<StoredReading> Read(long lastSequence, int lookback)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {StoredReadingRow.Columns}
            FROM (SELECT series, max(seq) AS seq FROM readings WHERE seq > $floor GROUP BY series) latest
            JOIN readings r ON r.seq = latest.seq
            JOIN series s ON s.id = r.series
            ORDER BY s.sensor, s.quantity
            """;
        command.Parameters.AddWithValue("$floor", Math.Max(0, lastSequence - lookback));
        using var reader = command.ExecuteReader();
        var readings = new List<StoredReading>();
        while (reader.Read())
        {
            readings.Add(StoredReadingRow.Read(reader));
        }

        return readings;
    }
}
