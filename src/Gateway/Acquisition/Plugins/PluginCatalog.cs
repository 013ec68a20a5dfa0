namespace SmartVillage.Gateway.Acquisition.Plugins;

/// <summary>The outcome of loading the plugins folder: shown in <c>/api/status</c>, logged at start, used by the registry.</summary>
public sealed class PluginCatalog
{
    public PluginCatalog(
        string? folder,
        IReadOnlyList<SensorPlugin> plugins,
        IReadOnlyList<PluginSensorType> sensorTypes,
        IReadOnlyDictionary<string, string> refusedTypes)
    {
        Folder = folder;
        Plugins = plugins;
        SensorTypes = sensorTypes;
        RefusedTypes = refusedTypes;
    }

    /// <summary>No plugins folder configured.</summary>
    public static PluginCatalog None { get; } = new(null, [], [], new Dictionary<string, string>());

    /// <summary>The plugins folder as resolved (absolute); null when none is configured.</summary>
    public string? Folder { get; }

    /// <summary>Every plugin folder found (and every misplaced assembly), in name order.</summary>
    public IReadOnlyList<SensorPlugin> Plugins { get; }

    /// <summary>The sensor types plugins added; none clashes with a built-in type or with another plugin's.</summary>
    public IReadOnlyList<PluginSensorType> SensorTypes { get; }

    /// <summary>Type names no plugin was allowed to take because two plugins offer them, with the reason.</summary>
    public IReadOnlyDictionary<string, string> RefusedTypes { get; }
}
