using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SmartVillage.Gateway.Storage.Acknowledgements;

/// <summary>
/// What each upstream has acknowledged, as stored: the contiguous prefix in <c>upstream_cursors</c> (everything at or
/// below it) and the spans above it in <c>upstream_acked</c>. Upstreams draining oldest-first only ever move the
/// prefix, so that table stays empty for them.
/// </summary>
internal static class AcknowledgementTable
{
    public static SequenceSet Load(SqliteConnection connection, SqliteTransaction? transaction, string upstream)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$n", upstream);
        command.CommandText = "SELECT acked_seq FROM upstream_cursors WHERE name = $n";
        var prefix = Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
        var set = new SequenceSet();
        if (prefix > 0)
        {
            set.Add(new SequenceSpan(1, prefix));
        }

        command.CommandText = "SELECT first_seq, last_seq FROM upstream_acked WHERE name = $n ORDER BY first_seq";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            set.Add(new SequenceSpan(reader.GetInt64(0), reader.GetInt64(1)));
        }

        return set;
    }

    /// <summary>
    /// Adds <paramref name="spans"/> to what <paramref name="upstream"/> has acknowledged, inside the caller's
    /// transaction. A union: acknowledgements only ever add, so replaying or reordering them changes nothing.
    /// </summary>
    public static void Add(SqliteConnection connection, SqliteTransaction transaction, string upstream, IEnumerable<SequenceSpan> spans)
    {
        var stored = Load(connection, transaction, upstream);
        var merged = stored.Clone();
        var changed = false;
        foreach (var span in spans)
        {
            changed |= merged.Add(span);
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$n", upstream);
        command.Parameters.AddWithValue("$p", merged.Prefix);
        command.CommandText = "INSERT INTO upstream_cursors (name, acked_seq) VALUES ($n, $p) ON CONFLICT (name) DO UPDATE SET acked_seq = max(acked_seq, $p)";
        command.ExecuteNonQuery();
        if (!changed || (!HasSpansAbovePrefix(stored) && !HasSpansAbovePrefix(merged)))
        {
            // Only the prefix moved (the common, oldest-first case): no span rows to rewrite.
            return;
        }

        command.CommandText = "DELETE FROM upstream_acked WHERE name = $n";
        command.ExecuteNonQuery();
        command.CommandText = "INSERT INTO upstream_acked (name, first_seq, last_seq) VALUES ($n, $f, $l)";
        var first = command.Parameters.Add("$f", SqliteType.Integer);
        var last = command.Parameters.Add("$l", SqliteType.Integer);
        foreach (var span in merged.Spans.Where(s => s.First > 1))
        {
            (first.Value, last.Value) = (span.First, span.Last);
            command.ExecuteNonQuery();
        }
    }

    private static bool HasSpansAbovePrefix(SequenceSet set) => set.Spans.Any(s => s.First > 1);
}
