using System.Globalization;

namespace SmartVillage.Gateway.Benchmarks.Disk;

/// <summary>One gateway configuration whose disk writes are measured.</summary>
/// <param name="Label">What the row answers.</param>
/// <param name="Sensors">Simulated BME280s (three readings per read).</param>
/// <param name="Interval">Each sensor's read interval (the gateway reads on this cadence whatever the commit interval).</param>
/// <param name="Storage">Storage settings that differ from the product defaults (appsettings.json), e.g. CommitInterval.</param>
/// <param name="PageSize">Page size of a database file created beforehand (as by an older version); null: the gateway creates it.</param>
/// <param name="Upstream">Forward to a local broker (each acknowledgement also moves the persisted cursor).</param>
/// <param name="HasTarget">The 200 B/reading target applies (1 reading/s per sensor).</param>
public sealed record DiskCase(
    string Label,
    int Sensors,
    TimeSpan Interval,
    IReadOnlyDictionary<string, string> Storage,
    int? PageSize,
    bool Upstream,
    bool HasTarget)
{
    /// <summary>The commit interval in force: the case's, else the product default.</summary>
    public TimeSpan CommitInterval(TimeSpan productDefault) =>
        Storage.TryGetValue("CommitInterval", out var value) ? TimeSpan.Parse(value, CultureInfo.InvariantCulture) : productDefault;

    public string Settings => string.Join(", ", new[]
    {
        $"{Sensors} x BME280 / {Interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s",
        Storage.Count == 0 ? "product defaults" : string.Join(", ", Storage.Select(s => $"{s.Key} {s.Value}")),
        PageSize is { } size ? $"file with {size} B pages" : null,
        Upstream ? "upstream" : "no upstream",
    }.Where(s => s is not null));

    /// <summary>The environment that sets <see cref="Storage"/> on the gateway process.</summary>
    public Dictionary<string, string> Environment() => Storage.ToDictionary(s => "Storage__" + s.Key, s => s.Value);
}
