using Microsoft.Data.Sqlite;

namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>Reads what the gateway committed, straight from its SQLite file (read-only, while it runs).</summary>
public static class StoredReadings
{
    public sealed record Row(string Sensor, string Quantity, string Unit, double Value, int Quality, DateTimeOffset Time);

    public static IReadOnlyList<Row> Of(string databaseFile, string sensor)
    {
        if (!File.Exists(databaseFile))
        {
            return [];
        }

        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.sensor, s.quantity, s.unit, r.value, r.quality, r.time_ms
            FROM readings r JOIN series s ON s.id = r.series WHERE s.sensor = $sensor ORDER BY r.seq
            """;
        command.Parameters.AddWithValue("$sensor", sensor);
        SqliteDataReader reader;
        try
        {
            reader = command.ExecuteReader();
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 1)
        {
            // The gateway created the file but has not migrated it yet: nothing is stored.
            return [];
        }

        using var _ = reader;
        var rows = new List<Row>();
        while (reader.Read())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), reader.GetInt32(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return rows;
    }
}
