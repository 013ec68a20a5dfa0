using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace SmartVillage.Gateway.Storage;

/// <summary>Opens connections to the reading database with the settings every connection must have.</summary>
public sealed class SqliteConnections
{
    private readonly string _connectionString;
    private readonly string _synchronous;

    public SqliteConnections(IOptions<StorageOptions> options, IHostEnvironment environment)
        : this(ResolvePath(options.Value.Path, environment.ContentRootPath), options.Value.Synchronous)
    {
    }

    public SqliteConnections(string path, SqliteSynchronous synchronous)
    {
        FilePath = path;
        _synchronous = synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL";
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
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
        // journal_size_limit truncates the WAL after checkpoints, so the quota is not overrun by a WAL that stays large.
        // page_size only takes effect on a new file (before WAL fixes it) and is ignored afterwards: 1 KiB pages, because
        // every commit rewrites whole pages and with a few readings per commit small pages write several times fewer
        // bytes to the SD card (bench `disk`).
        pragmas.CommandText = $"PRAGMA page_size=1024; PRAGMA journal_mode=WAL; PRAGMA synchronous={_synchronous}; PRAGMA busy_timeout=5000; PRAGMA journal_size_limit=4194304;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The database file for a configured <paramref name="path"/>: relative paths are under the content root.</summary>
    public static string ResolvePath(string path, string contentRoot) =>
        System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, path));
}
