namespace SmartVillage.Gateway.Storage;

/// <summary>The series the log holds (sensor, quantity, unit): a small table, read whole. Read-only.</summary>
public sealed class SeriesQuery(SqliteConnections connections)
{
    public IReadOnlyList<SeriesInfo> ReadAll()
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sensor, quantity, unit FROM series ORDER BY sensor, quantity";
        using var reader = command.ExecuteReader();
        var series = new List<SeriesInfo>();
        while (reader.Read())
        {
            series.Add(new SeriesInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return series;
    }
}

public sealed record SeriesInfo(string Sensor, string Quantity, string Unit);
