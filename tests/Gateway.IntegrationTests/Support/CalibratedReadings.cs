using Microsoft.Data.Sqlite;

namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>A sensor's stored readings with their raw value and calibration id, straight from the gateway's SQLite file.</summary>
public static class CalibratedReadings
{
    public sealed record Row(long Sequence, string Quantity, double Value, double? Raw, string? RawUnit, int Quality, string? CalibrationId, long TimeMs);

    public static IReadOnlyList<Row> Of(string databaseFile, string sensor)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.seq, s.quantity, r.value, r.raw_value, r.raw_unit, r.quality, r.calibration_id, r.time_ms
            FROM readings r JOIN series s ON s.id = r.series WHERE s.sensor = $sensor ORDER BY r.seq
            """;
        command.Parameters.AddWithValue("$sensor", sensor);
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            rows.Add(new Row(
                reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt64(7)));
        }

        return rows;
    }
}
