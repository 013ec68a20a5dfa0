using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SmartVillage.Gateway.Storage.Schema;

/// <summary>
/// Brings a database to the current schema. Which steps have run is kept in <c>meta</c> (<c>schema_steps</c>, e.g.
/// <c>1,2,3,5</c>), and <c>PRAGMA user_version</c> holds the highest. Steps are matched by number, not position, so a
/// number may be missing and a step numbered below one already run (merged in later) still runs, once.
/// </summary>
internal static class SchemaMigrator
{
    private const string StepsKey = "schema_steps";

    /// <summary>Runs the steps this database has not seen yet, each in its own transaction with its record.</summary>
    /// <exception cref="InvalidOperationException">The file was written by a newer gateway.</exception>
    public static void Migrate(SqliteConnection connection) => Migrate(connection, Migrations.Steps);

    /// <param name="steps">The schema's steps (tests pass their own to check how numbering is handled).</param>
    public static void Migrate(SqliteConnection connection, IReadOnlyList<Migration> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var known = steps.Select(s => s.Number).ToHashSet();
        var applied = Applied(connection);
        if (applied.FirstOrDefault(n => !known.Contains(n)) is var unknown and > 0)
        {
            throw new InvalidOperationException(
                $"Database schema step {unknown} is newer than this gateway understands (it knows {string.Join(", ", known.Order())}); " +
                "install the newer gateway again or restore a backup. The file was left untouched.");
        }

        foreach (var step in steps.OrderBy(s => s.Number).Where(s => !applied.Contains(s.Number)))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, step.Sql, transaction);
            applied.Add(step.Number);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO meta (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = $v";
            record.Parameters.AddWithValue("$k", StepsKey);
            record.Parameters.AddWithValue("$v", string.Join(",", applied.Order()));
            record.ExecuteNonQuery();
            Execute(connection, $"PRAGMA user_version = {applied.Max()}", transaction);
            transaction.Commit();
        }
    }

    /// <summary>The steps recorded in meta; a database from before that record has run every step up to its version.</summary>
    private static HashSet<int> Applied(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Execute(connection, "PRAGMA user_version", null), CultureInfo.InvariantCulture);
        if (version == 0)
        {
            return [];
        }

        var recorded = Execute(connection, $"SELECT value FROM meta WHERE key = '{StepsKey}'", null) as string;
        return recorded is null
            ? [.. Enumerable.Range(1, version)]
            : [.. recorded.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
    }

    private static object? Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
