using Microsoft.Data.Sqlite;

namespace SmartVillage.Gateway.Storage.Schema;

internal static class SchemaMigrator
{
    /// <summary>Runs the steps this database has not seen yet, each in its own transaction with its version bump.</summary>
    /// <exception cref="InvalidOperationException">The file was written by a newer gateway.</exception>
    public static void Migrate(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Execute(connection, "PRAGMA user_version", null), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Migrations.Steps.Count)
        {
            throw new InvalidOperationException(
                $"Database schema version {version} is newer than this gateway understands ({Migrations.Steps.Count}); " +
                "install the newer gateway again or restore a backup. The file was left untouched.");
        }

        for (var step = version; step < Migrations.Steps.Count; step++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, Migrations.Steps[step], transaction);
            Execute(connection, $"PRAGMA user_version = {step + 1}", transaction);
            transaction.Commit();
        }
    }

    private static object? Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
