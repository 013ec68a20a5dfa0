using Microsoft.Data.Sqlite;

namespace SmartVillage.Gateway.Storage.Recovery;

/// <summary>The quick integrity check run at every start (fast enough for a Pi with a large file, unlike integrity_check).</summary>
internal static class IntegrityCheck
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <exception cref="CorruptDatabaseException">The file is damaged.</exception>
    public static void Run(SqliteConnections connections)
    {
        if (!File.Exists(connections.FilePath))
        {
            return;
        }

        try
        {
            using var connection = connections.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(20)";
            using var reader = command.ExecuteReader();
            var findings = new List<string>();
            while (reader.Read())
            {
                findings.Add(reader.GetString(0));
            }

            if (findings is not ["ok"])
            {
                throw new CorruptDatabaseException($"quick_check of {connections.FilePath} reported: {string.Join("; ", findings)}");
            }
        }
        catch (SqliteException exception) when (IsCorruption(exception))
        {
            throw new CorruptDatabaseException($"{connections.FilePath} cannot be read: {exception.Message}", exception);
        }
    }

    public static bool IsCorruption(SqliteException exception) =>
        exception.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;
}
