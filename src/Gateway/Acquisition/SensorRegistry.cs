using SmartVillage.Gateway.Acquisition.Plugins;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Quality;

namespace SmartVillage.Gateway.Acquisition;

/// <summary>The sensor types this gateway knows, by kit-file type name: the built-in ones and those plugins added.</summary>
public sealed class SensorRegistry
{
    private readonly Dictionary<string, ISensorFactory> _factories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PluginSensorType> _fromPlugins = new(StringComparer.OrdinalIgnoreCase);

    public SensorRegistry(IEnumerable<ISensorFactory> factories)
        : this(factories, PluginCatalog.None)
    {
    }

    /// <param name="builtIn">The gateway's own types, already carrying the kit file's quality checks.</param>
    /// <param name="plugins">Loaded plugins; their types get the same quality checks and a guard against plugin faults.</param>
    public SensorRegistry(IEnumerable<ISensorFactory> builtIn, PluginCatalog plugins)
    {
        ArgumentNullException.ThrowIfNull(builtIn);
        ArgumentNullException.ThrowIfNull(plugins);
        foreach (var factory in builtIn)
        {
            Add(factory);
        }

        foreach (var plugged in plugins.SensorTypes)
        {
            Add(new QualityCheckedFactory(new PluginSensorFactory(plugged)));
            _fromPlugins[plugged.Type] = plugged;
        }

        Plugins = plugins;
    }

    public IEnumerable<string> Types => _factories.Keys.Order(StringComparer.Ordinal);

    public PluginCatalog Plugins { get; }

    public ISensorFactory? Find(string type) => _factories.GetValueOrDefault(type);

    /// <summary>The plugin that added <paramref name="type"/>; null for a built-in or unknown type.</summary>
    public PluginSensorType? FromPlugin(string type) => _fromPlugins.GetValueOrDefault(type);

    /// <summary>Why <paramref name="type"/> cannot be used, for a kit file that names it: known types, and plugins that failed.</summary>
    public string WhyUnknown(string type)
    {
        if (Plugins.RefusedTypes.TryGetValue(type, out var refused))
        {
            return refused;
        }

        var failed = Plugins.Plugins.Where(p => p.Failed).ToList();
        return $"unknown sensor type '{type}'; known types: {string.Join(", ", Types)}" + (failed.Count == 0 ? "" :
            $"; plugins that failed to load: {string.Join("; ", failed.SelectMany(p => p.Problems))}");
    }

    private void Add(ISensorFactory factory)
    {
        if (!_factories.TryAdd(factory.Type, factory))
        {
            throw new InvalidOperationException(
                $"Two sensor factories claim type '{factory.Type}': {_factories[factory.Type].GetType().FullName} and {factory.GetType().FullName}.");
        }
    }
}
