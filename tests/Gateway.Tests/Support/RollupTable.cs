using System.Globalization;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Support;

/// <summary>One hourly rollup row as stored, or as expected from a list of readings.</summary>
public sealed record RollupRow(string Sensor, string Quantity, DateTimeOffset Hour, long Usable, long Flagged, long Unusable, double? Min, double Sum, double? Max);

/// <summary>Reads the rollups table of a store file, and computes what it should hold from the readings themselves.</summary>
public static class RollupTable
{
    private const ReadingQuality Unusable = ReadingQuality.OutOfRange | ReadingQuality.SensorError;
    private const ReadingQuality Warning = ReadingQuality.RateOfChange | ReadingQuality.Stuck | ReadingQuality.Uncalibrated |
        ReadingQuality.ClockUntrusted | ReadingQuality.CalibrationDue;

    public static IReadOnlyList<RollupRow> Read(SqliteConnections connections)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.sensor, s.quantity, u.hour, u.usable, u.flagged, u.unusable, u.min_value, u.sum_value, u.max_value
            FROM rollups u JOIN series s ON s.id = u.series ORDER BY s.sensor, s.quantity, u.hour
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<RollupRow>();
        while (reader.Read())
        {
            rows.Add(new RollupRow(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2) * 3_600_000),
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6), reader.GetDouble(7), reader.IsDBNull(8) ? null : reader.GetDouble(8)));
        }

        return rows;
    }

    public static long Watermark(SqliteConnections connections)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'rollup_seq'), 0)";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The rollups a list of readings should give, computed the obvious way.</summary>
    public static IReadOnlyList<RollupRow> Expected(IEnumerable<NewReading> readings) =>
        [.. readings
            .GroupBy(r => (r.SensorId, r.Quantity, Hour: HourOf(r.Time)))
            .Select(g =>
            {
                var usable = g.Where(r => (r.Quality & Unusable) == 0).ToList();
                return new RollupRow(g.Key.SensorId, g.Key.Quantity, g.Key.Hour, usable.Count,
                    usable.Count(r => (r.Quality & Warning) != 0), g.Count() - usable.Count,
                    usable.Count == 0 ? null : usable.Min(r => r.Value), usable.Sum(r => r.Value),
                    usable.Count == 0 ? null : usable.Max(r => r.Value));
            })
            .OrderBy(r => r.Sensor, StringComparer.Ordinal).ThenBy(r => r.Quantity, StringComparer.Ordinal).ThenBy(r => r.Hour)];

    /// <summary>Compares row by row; sums may differ in their last bits (summation order), nothing else may.</summary>
    public static void AssertEquivalent(IReadOnlyList<RollupRow> expected, IReadOnlyList<RollupRow> actual)
    {
        Assert.Equal(expected.Select(r => r with { Sum = 0 }), actual.Select(r => r with { Sum = 0 }));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e.Sum, a.Sum, 1e-9 * Math.Max(1, Math.Abs(e.Sum)));
        }
    }

    public static DateTimeOffset HourOf(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(time.ToUnixTimeMilliseconds() / 3_600_000d) * 3_600_000);
}
