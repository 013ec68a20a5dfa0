using SmartVillage.Gateway.Readings;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Storage;

/// <summary>
/// Every reading in a time range, in sequence order, one at a time: the caller streams them out, so a year of data
/// never sits in memory. It scans the log (no time index) because an export must miss nothing, including readings
/// stored out of time order. Read-only; WAL lets it run while the writer commits.
/// </summary>
public sealed class ExportQuery(SqliteConnections connections)
{
    public IEnumerable<StoredReading> Read(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string> sensors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        var sensorFilter = "";
        if (sensors.Count > 0)
        {
            var names = sensors.Select((sensor, i) => (sensor, name: "$s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
            foreach (var (sensor, name) in names)
            {
                command.Parameters.AddWithValue(name, sensor);
            }

            sensorFilter = $"AND s.sensor IN ({string.Join(", ", names.Select(n => n.name))})";
        }

        command.CommandText = $"""
            SELECT {StoredReadingRow.Columns}
            FROM readings r JOIN series s ON s.id = r.series
            WHERE r.time_ms >= $from AND r.time_ms < $to {sensorFilter}
            ORDER BY r.seq
            """;
        command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return StoredReadingRow.Read(reader);
        }
    }
}
