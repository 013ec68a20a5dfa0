using System.Globalization;

namespace SmartVillage.Gateway.Benchmarks.Disk;

/// <summary>One gateway configuration whose disk writes are measured.</summary>
/// <param name="Label">What the row answers.</param>
/// <param name="Sensors">Simulated BME280s (three readings per read).</param>
/// <param name="Interval">Each sensor's read interval.</param>
/// <param name="CommitInterval">Storage:CommitInterval; null leaves the product default (appsettings.json).</param>
/// <param name="Synchronous">Storage:Synchronous; null leaves the product default.</param>
/// <param name="PageSize">SQLite page size the database file is created with; null leaves SQLite's default (4096).</param>
/// <param name="Upstream">Forward to a local broker (each acknowledgement also moves the persisted cursor).</param>
/// <param name="HasTarget">The 200 B/reading target applies (1 reading/s per sensor).</param>
/// <param name="Paced">Run the product's store and upstream on a fixed sensor cadence (<see cref="PacedStore"/>) instead of the gateway process.</param>
public sealed record DiskCase(
    string Label,
    int Sensors,
    TimeSpan Interval,
    TimeSpan? CommitInterval,
    string? Synchronous,
    int? PageSize,
    bool Upstream,
    bool HasTarget,
    bool Paced = false)
{
    public double NominalReadingsPerSecond => Sensors * 3 / Interval.TotalSeconds;

    public string Settings => string.Join(", ", new[]
    {
        Paced ? "paced store" : "gateway",
        $"{Sensors} x BME280 / {Interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s",
        $"commit {(CommitInterval is { } c ? c.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s" : "default")}",
        $"sync {Synchronous ?? "default"}",
        $"page {PageSize?.ToString(CultureInfo.InvariantCulture) ?? "4096"}",
        Upstream ? "upstream" : "no upstream",
    });

    public Dictionary<string, string> Environment()
    {
        var settings = new Dictionary<string, string>();
        if (CommitInterval is { } commit)
        {
            settings["Storage__CommitInterval"] = commit.ToString("c", CultureInfo.InvariantCulture);
        }

        if (Synchronous is not null)
        {
            settings["Storage__Synchronous"] = Synchronous;
        }

        return settings;
    }
}
