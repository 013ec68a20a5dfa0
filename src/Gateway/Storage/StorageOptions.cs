namespace SmartVillage.Gateway.Storage;

/// <summary>Where and how readings are kept. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// The SQLite file. Relative paths are resolved against the content root. On a Pi put it on the data partition
    /// (the systemd unit uses <c>/var/lib/smartvillage/readings.db</c>).
    /// </summary>
    public string Path { get; set; } = "data/readings.db";

    /// <summary>
    /// The longest a reading taken by the gateway waits in memory before its group is committed: the power-loss window,
    /// and the delay before the dashboard and the upstreams see it. Longer means fewer SD-card writes per reading
    /// (every commit rewrites whole pages and fsyncs); shorter means less to lose. Default 10 s (docs/durability.md
    /// gives the figures it was chosen by).
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest a reading waits when its sender keeps it until the gateway acknowledges the commit (Wi-Fi nodes'
    /// PUBACK, a network server's uplinks): nothing is lost on a power cut, so this only bounds the acknowledgement's
    /// delay (a node's retransmissions, a broker's in-flight window). Never longer than <see cref="CommitInterval"/>. Default 1 s.
    /// </summary>
    public TimeSpan AcknowledgedCommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A group is committed as soon as it holds this many readings, whatever the interval. Default 500.</summary>
    public int MaxGroupSize { get; set; } = 500;

    /// <summary>
    /// Readings waiting for the writer. When full, sensors wait (back-pressure) rather than readings being dropped.
    /// Default 10,000.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// SQLite <c>synchronous</c>: <c>Full</c> (default) fsyncs the WAL at each commit, so a committed reading survives
    /// power loss; <c>Normal</c> writes less but a power cut may roll back the last commits. See docs/configuration.md.
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>
    /// Hold the database file exclusively (SQLite's <c>unix-excl</c> VFS): the WAL index lives in the gateway's memory
    /// instead of the <c>-shm</c> file, which saves the several shared-memory pages every commit dirties (about half
    /// of what reaches the disk with a 30 s commit interval). The price: no other process can open the database while
    /// the gateway runs (stop the service before using <c>sqlite3</c> on it; the dashboard's CSV export works any time).
    /// Linux only. Default false.
    /// </summary>
    public bool ExclusiveAccess { get; set; }

    /// <summary>
    /// The most the reading database may take on disk. When it is reached, readings delivered to every upstream are
    /// removed first (oldest first); only then undelivered ones, oldest first, each range recorded as a gap with reason
    /// <c>quota</c>, counted, logged, shown in status and sent upstream. Default 2 GiB.
    /// </summary>
    public long QuotaBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Readings delivered to every upstream are kept locally this long (by their trusted time). Default 90 days.</summary>
    public TimeSpan History { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Hourly rollups (count, min, mean, max per series and hour: the dashboard's week and month charts) are kept this
    /// long, far longer than the readings themselves (never less than <see cref="History"/>). They count in
    /// <see cref="QuotaBytes"/>: about 48 bytes per series and hour, so 10 series for 2 years take about 8 MB.
    /// Default 730 days.
    /// </summary>
    public TimeSpan RollupHistory { get; set; } = TimeSpan.FromDays(730);

    /// <summary>
    /// The longest one maintenance pass spends rolling up a backlog of completed hours (an upgraded database, a long
    /// untrusted clock) before the writer goes back to committing readings; the rest follows after the next commits.
    /// Default 250 ms.
    /// </summary>
    public TimeSpan RollupBudget { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often quota and history are enforced (measured on the monotonic clock). Default 1 min.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public enum SqliteSynchronous
{
    Normal,
    Full,
}
