using System.Globalization;
using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage.Recovery;
using SmartVillage.Gateway.Storage.Schema;

namespace SmartVillage.Gateway.Storage;

/// <summary>Opens the reading database at start: schema, gateway id, this boot, where the sequence continues.</summary>
public static class StoreOpener
{
    /// <summary>
    /// Opens the store. A database that fails its quick check is moved aside (never deleted), what can be read is
    /// salvaged into a fresh file, and the state carries an alarm saying so: acquisition resumes at once.
    /// </summary>
    public static StoreState Open(SqliteConnections connections, string? configuredGatewayId, BootIdentity boot, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(boot);
        ArgumentNullException.ThrowIfNull(time);
        try
        {
            IntegrityCheck.Run(connections);
            return OpenChecked(connections, configuredGatewayId, boot, time);
        }
        catch (CorruptDatabaseException corruption)
        {
            var quarantined = Quarantine.MoveAside(connections.FilePath, time);
            var report = Salvage.Recover(quarantined, connections, time);
            var alarm = $"{time.GetUtcNow():u}: the reading database was damaged ({corruption.Message}). It was moved to " +
                $"{report.QuarantinedPath}; {report.ReadingsRecovered} readings were recovered and {report.ReadingsLost} lost " +
                "(recorded as gaps with reason 'corruption').";
            return OpenChecked(connections, configuredGatewayId, boot, time) with { Alarms = [alarm] };
        }
    }

    private static StoreState OpenChecked(SqliteConnections connections, string? configuredGatewayId, BootIdentity boot, TimeProvider time)
    {
        using var connection = connections.Open();
        SchemaMigrator.Migrate(connection);
        using var transaction = connection.BeginTransaction();

        var gatewayId = configuredGatewayId;
        var storedId = Scalar(connection, transaction, "SELECT value FROM meta WHERE key = 'gateway_id'") as string;
        if (string.IsNullOrEmpty(gatewayId))
        {
            // No id configured: keep the one generated on first start, so the stable ids upstream never change.
            gatewayId = storedId ?? "gw-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        }

        if (storedId != gatewayId)
        {
            Execute(connection, transaction, "INSERT INTO meta (key, value) VALUES ('gateway_id', $v) ON CONFLICT (key) DO UPDATE SET value = $v", gatewayId);
        }

        // The sequence continues from the highest number ever given, which `meta` remembers even if the rows holding
        // it were later removed: a sequence number is never given twice.
        var lastFromMeta = Convert.ToInt64(Scalar(connection, transaction, "SELECT value FROM meta WHERE key = 'last_seq'") ?? 0L, CultureInfo.InvariantCulture);
        var lastFromRows = Convert.ToInt64(Scalar(connection, transaction, "SELECT coalesce(max(seq), 0) FROM readings") ?? 0L, CultureInfo.InvariantCulture);

        Execute(connection, transaction, "INSERT OR IGNORE INTO boots (boot_id, first_seen_ms) VALUES ($v, " +
            time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + ")", boot.Id);
        var bootRow = Convert.ToInt64(Scalar(connection, transaction, "SELECT id FROM boots WHERE boot_id = $v", boot.Id), CultureInfo.InvariantCulture);
        transaction.Commit();
        return new StoreState(gatewayId, Math.Max(lastFromMeta, lastFromRows), bootRow);
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, string? value = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (value is not null)
        {
            command.Parameters.AddWithValue("$v", value);
        }

        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, string value) =>
        Scalar(connection, transaction, sql, value);
}
