using System.Globalization;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage.Acknowledgements;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Storage;

/// <summary>
/// Reads the log. Safe from any thread: each call uses its own pooled connection, and WAL lets it read while the
/// writer commits.
/// </summary>
public sealed class ReadingLog(SqliteConnections connections)
{
    /// <summary>Up to <paramref name="limit"/> readings with sequence numbers above <paramref name="afterSequence"/>, in order.</summary>
    public IReadOnlyList<StoredReading> ReadAfter(long afterSequence, int limit)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {StoredReadingRow.Columns}
            FROM readings r JOIN series s ON s.id = r.series
            WHERE r.seq > $after ORDER BY r.seq LIMIT $limit
            """;
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var readings = new List<StoredReading>(Math.Min(limit, 1024));
        while (reader.Read())
        {
            readings.Add(StoredReadingRow.Read(reader));
        }

        return readings;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> readings with sequence numbers from <paramref name="first"/> to
    /// <paramref name="last"/>: the lowest ones in ascending order, or with <paramref name="newestFirst"/> the highest
    /// ones in descending order.
    /// </summary>
    public IReadOnlyList<StoredReading> ReadSpan(long first, long last, int limit, bool newestFirst)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {StoredReadingRow.Columns}
            FROM readings r JOIN series s ON s.id = r.series
            WHERE r.seq BETWEEN $first AND $last ORDER BY r.seq {(newestFirst ? "DESC" : "ASC")} LIMIT $limit
            """;
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$last", last);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var readings = new List<StoredReading>(Math.Min(limit, 1024));
        while (reader.Read())
        {
            readings.Add(StoredReadingRow.Read(reader));
        }

        return readings;
    }

    /// <summary>Every sequence number an upstream has had acknowledged (readings and gap messages alike).</summary>
    public SequenceSet ReadAcknowledged(string upstream)
    {
        using var connection = connections.Open();
        return AcknowledgementTable.Load(connection, null, upstream);
    }

    /// <summary>The highest sequence number below which an upstream has acknowledged everything (0 when it never has).</summary>
    public long ReadCursor(string upstream)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT acked_seq FROM upstream_cursors WHERE name = $n";
        command.Parameters.AddWithValue("$n", upstream);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    /// <summary>Recorded gaps (readings given up, with the reason) overlapping <paramref name="first"/>-<paramref name="last"/>.</summary>
    public IReadOnlyList<GapRecord> ReadGaps(long first, long last)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT first_seq, last_seq, reason FROM gaps WHERE last_seq >= $first AND first_seq <= $last ORDER BY first_seq";
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$last", last);
        using var reader = command.ExecuteReader();
        var gaps = new List<GapRecord>();
        while (reader.Read())
        {
            gaps.Add(new GapRecord(Math.Max(first, reader.GetInt64(0)), Math.Min(last, reader.GetInt64(1)), reader.GetString(2)));
        }

        return gaps;
    }
}
