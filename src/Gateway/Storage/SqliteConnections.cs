using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace SmartVillage.Gateway.Storage;

/// <summary>Opens connections to the reading database with the settings every connection must have.</summary>
public sealed class SqliteConnections
{
    /// <summary>WAL frames after which a commit copies the WAL into the database (a checkpoint).</summary>
    public const int WalAutoCheckpointFrames = 1000;

    /// <summary>The WAL is truncated to this size after a checkpoint.</summary>
    public const long JournalSizeLimitBytes = 4 * 1024 * 1024;

    private readonly string _connectionString;
    private readonly string _synchronous;

    public SqliteConnections(IOptions<StorageOptions> options, IHostEnvironment environment)
        : this(ResolvePath(options.Value.Path, environment.ContentRootPath), options.Value.Synchronous, options.Value.ExclusiveAccess)
    {
    }

    /// <param name="exclusiveAccess">
    /// Open through SQLite's <c>unix-excl</c> VFS: this process holds the file exclusively and keeps the WAL index in
    /// its own memory instead of the <c>-shm</c> file, whose pages every commit would otherwise dirty (see
    /// <see cref="StorageOptions.ExclusiveAccess"/>).
    /// </param>
    public SqliteConnections(string path, SqliteSynchronous synchronous, bool exclusiveAccess = false)
    {
        FilePath = path;
        _synchronous = synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL";
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
            Vfs = exclusiveAccess ? "unix-excl" : null,
        }.ToString();
    }

    public string FilePath { get; }

    public SqliteConnection Open()
    {
        var directory = System.IO.Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // WAL lets the upstreams and the dashboard read while the single writer commits. busy_timeout covers the
        // rare checkpoint contention. synchronous is per connection, so it is set on every one.
        // page_size only takes effect on a new file (before WAL fixes it) and is ignored afterwards: 1 KiB pages, because
        // every commit rewrites whole pages and with a few readings per commit small pages write several times fewer
        // bytes to the SD card (bench `disk`).
        // wal_autocheckpoint (SQLite's default, stated because it is a choice): the WAL is copied into the database
        // after 1000 frames (~1 MiB), in the commit that crosses it. Each checkpoint rewrites the database pages changed
        // since the last one and, in shared mode, clears the 32 KiB WAL index; rarer checkpoints spread that over more
        // readings, and 1000 frames stay within the WAL index's first 32 KiB block.
        // journal_size_limit truncates the WAL after checkpoints, so the quota is not overrun by a WAL that stays large.
        pragmas.CommandText = $"PRAGMA page_size=1024; PRAGMA journal_mode=WAL; PRAGMA synchronous={_synchronous}; PRAGMA busy_timeout=5000; " +
            $"PRAGMA wal_autocheckpoint={WalAutoCheckpointFrames}; PRAGMA journal_size_limit={JournalSizeLimitBytes};";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The database file for a configured path: relative paths are taken from the content root.</summary>
    public static string ResolvePath(string path, string contentRoot) =>
        System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, path));
}
