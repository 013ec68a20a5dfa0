using System.Globalization;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Configuration.Overlay;

/// <summary>
/// The settings overlay as a configuration layer: above the kit file, below environment variables and the command
/// line. It turns the overlay's entries into the kit's own keys (<c>Kit:Name</c>, <c>Kit:Sensors:2:Interval</c>,
/// <c>Kit:Dashboard:LimitOverrides:ph:WatchAbove</c>), so everything downstream reads one configuration and never
/// needs to know where a value came from. <see cref="Reload"/> re-reads the file and signals every reader.
/// </summary>
public sealed class SettingsOverlaySource : IConfigurationSource
{
    public const string FileName = "settings-overlay.json";
    private readonly Lock _gate = new();
    private SettingsOverlayProvider? _latest;
    private SettingsOverlay _current = new();

    private SettingsOverlaySource(SettingsOverlayFile file, IReadOnlyDictionary<string, int> sensorIndexes)
    {
        File = file;
        SensorIndexes = sensorIndexes;
    }

    public SettingsOverlayFile File { get; }

    /// <summary>Each kit sensor's place in <c>Kit:Sensors</c>, by id.</summary>
    public IReadOnlyDictionary<string, int> SensorIndexes { get; }

    /// <summary>The overlay as last read from the file.</summary>
    public SettingsOverlay Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>The provider configuration reads from (rebuilt whenever configuration sources change).</summary>
    public IConfigurationProvider? Provider => _latest;

    /// <summary>
    /// Lays the overlay over the kit file (call after <see cref="KitFileSource.Add"/>). The file is
    /// <c>Gateway:SettingsFile</c>, by default <see cref="FileName"/> beside the reading database.
    /// </summary>
    /// <exception cref="KitConfigurationException">The overlay file is unreadable or holds impossible values.</exception>
    public static SettingsOverlaySource Add(ConfigurationManager configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var source = new SettingsOverlaySource(new SettingsOverlayFile(ResolvePath(configuration, contentRoot)), SensorIndexesOf(configuration));
        var problems = Problems(source.File.Read());
        if (problems.Count > 0)
        {
            throw new KitConfigurationException(source.File.Path, problems);
        }

        var sources = configuration.Sources;
        var index = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        sources.Insert(index < 0 ? sources.Count : index, source);
        return source;
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => _latest = new SettingsOverlayProvider(this);

    /// <summary>Re-reads the file into configuration; readers bound to configuration see the change at once.</summary>
    public void Reload() => _latest?.Reload();

    /// <summary>What is impossible in an overlay (a hand-edited file may hold anything).</summary>
    public static List<string> Problems(SettingsOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        var problems = new List<string>();
        if (overlay.Name is { } name && SettingRules.NameProblem(name) is { } nameProblem)
        {
            problems.Add($"Name: {nameProblem}");
        }

        foreach (var (id, sensor) in overlay.Sensors)
        {
            if (sensor.Interval is { } interval && SettingRules.IntervalProblem(interval) is { } intervalProblem)
            {
                problems.Add($"Sensors:{id}:Interval: {intervalProblem}");
            }
        }

        foreach (var (quantity, limits) in overlay.Thresholds)
        {
            problems.AddRange(limits.Problems().Select(p => $"Thresholds:{quantity}: {string.Join("; ", p.Value)}"));
        }

        return problems;
    }

    internal Dictionary<string, string?> Load()
    {
        var overlay = File.Read();
        lock (_gate)
        {
            _current = overlay;
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        const string Kit = KitOptions.Section;
        const string Dashboard = $"{KitOptions.Section}:{SmartVillage.Gateway.Dashboard.DashboardOptions.Section}";
        if (overlay.Name is { } name)
        {
            data[$"{Kit}:{nameof(KitOptions.Name)}"] = name;
        }

        if (overlay.OpenViewing is { } open)
        {
            data[$"{Dashboard}:OpenViewing"] = open ? "true" : "false";
        }

        foreach (var (id, sensor) in overlay.Sensors)
        {
            // A sensor the kit file no longer has: its entry waits, harmless, until the file is cleaned up.
            if (!SensorIndexes.TryGetValue(id, out var index))
            {
                continue;
            }

            if (sensor.Interval is { } interval)
            {
                data[$"{Kit}:Sensors:{index}:Interval"] = interval.ToString("c", CultureInfo.InvariantCulture);
            }

            if (sensor.Enabled is { } enabled)
            {
                data[$"{Kit}:Sensors:{index}:Enabled"] = enabled ? "true" : "false";
            }
        }

        foreach (var (quantity, limits) in overlay.Thresholds)
        {
            // All four keys are written, "" for none, so a limit the admin removed also hides one set lower down.
            var prefix = $"{Dashboard}:LimitOverrides:{quantity}";
            data[$"{prefix}:ActBelow"] = Number(limits.ActBelow);
            data[$"{prefix}:WatchBelow"] = Number(limits.WatchBelow);
            data[$"{prefix}:WatchAbove"] = Number(limits.WatchAbove);
            data[$"{prefix}:ActAbove"] = Number(limits.ActAbove);
        }

        return data;
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string ResolvePath(ConfigurationManager configuration, string contentRoot)
    {
        var configured = configuration[$"{GatewayOptions.Section}:{nameof(GatewayOptions.SettingsFile)}"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        var database = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Path)}"] ?? new StorageOptions().Path;
        var folder = Path.GetDirectoryName(Path.GetFullPath(database, contentRoot)) ?? contentRoot;
        return Path.Combine(folder, FileName);
    }

    private static Dictionary<string, int> SensorIndexesOf(ConfigurationManager configuration)
    {
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var child in configuration.GetSection($"{KitOptions.Section}:Sensors").GetChildren())
        {
            if (int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && child["Id"] is { Length: > 0 } id)
            {
                indexes.TryAdd(id, index);
            }
        }

        return indexes;
    }
}
