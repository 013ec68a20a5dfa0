using System.Globalization;

namespace SmartVillage.Gateway.Storage;

/// <summary>
/// How many days the storage can still hold at the current rate: free space on the database's volume (plus free
/// pages inside the file) divided by the bytes the last hour's readings take per day. Read-only, a few point reads.
/// </summary>
public sealed class StorageOutlook(SqliteConnections connections, TimeProvider time)
{
    private static readonly TimeSpan ShortestWindow = TimeSpan.FromMinutes(1);

    /// <summary>Days left, or null when nothing was stored in the last hour (no rate to go by).</summary>
    public double? DaysLeft()
    {
        using var connection = connections.Open();
        var now = time.GetUtcNow();
        var hourAgo = SequenceRange.FirstAtOrAfter(connection, now.AddHours(-1).ToUnixTimeMilliseconds());
        // The rate is over the time the window's readings actually span, so a gateway started minutes ago is not
        // taken for a slow one.
        var windowStart = DateTimeOffset.FromUnixTimeMilliseconds(Long(connection, $"SELECT coalesce((SELECT time_ms FROM readings WHERE seq >= {hourAgo} ORDER BY seq LIMIT 1), 0)"));
        var window = now - windowStart;
        window = window < ShortestWindow ? ShortestWindow : window > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : window;
        var (first, last) = (Long(connection, "SELECT coalesce(min(seq), 0) FROM readings"), Long(connection, "SELECT coalesce(max(seq), 0) FROM readings"));
        var lastHour = last - hourAgo + 1;
        if (lastHour <= 0 || last < first)
        {
            return null;
        }

        var pageSize = Long(connection, "PRAGMA page_size");
        var fileBytes = Long(connection, "PRAGMA page_count") * pageSize;
        var freeInFile = Long(connection, "PRAGMA freelist_count") * pageSize;
        // Sequence numbers are dense in the table (only quota drops remove rows, oldest first), so their span counts rows
        // without a full count(*) scan.
        var bytesPerReading = (double)fileBytes / (last - first + 1);
        var directory = Path.GetDirectoryName(connections.FilePath) ?? ".";
        var free = new DriveInfo(Path.GetFullPath(directory)).AvailableFreeSpace + freeInFile;
        return free / (bytesPerReading * lastHour * (TimeSpan.FromDays(1) / window));
    }

    private static long Long(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
