using System.Runtime.CompilerServices;
using SmartVillage.Gateway.Configuration;

namespace SmartVillage.Gateway.Acquisition.Plugins;

/// <summary>
/// Loads the sensor plugins of the folder <c>Gateway:PluginsFolder</c> names: one sub-folder per plugin. A plugin that
/// cannot be used is not fatal by itself: it is listed with its problems (log, <c>/api/status</c>) and the gateway
/// runs. Only a kit that uses a type no loaded plugin provides is refused, and that message names the plugins that
/// failed.
/// </summary>
public static class PluginLoader
{
    /// <summary>Loads the configured plugins folder; none when the key is empty.</summary>
    /// <exception cref="KitConfigurationException">A folder is configured but does not exist or cannot be read.</exception>
    public static PluginCatalog LoadConfigured(IConfiguration configuration, string contentRoot, IEnumerable<string> builtInTypes)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        const string key = $"{GatewayOptions.Section}:{nameof(GatewayOptions.PluginsFolder)}";
        var configured = configuration[key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return PluginCatalog.None;
        }

        var folder = Path.GetFullPath(configured, contentRoot);
        if (!Directory.Exists(folder))
        {
            throw new KitConfigurationException(folder, [$"{key}: '{configured}' does not exist (looked at {folder}); " +
                "create it (deploy/install.sh makes /opt/smartvillage/plugins) or leave the key empty for no plugins"]);
        }

        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            throw new KitConfigurationException(folder, [$"{key}: this gateway is the Native AOT build, which cannot load plugin " +
                "assemblies; install the JIT build (publish-profiles/linux-arm64.pubxml) to use sensor plugins, or leave the key empty"]);
        }

        try
        {
            return Load(folder, builtInTypes);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            throw new KitConfigurationException(folder, [$"{key}: '{folder}' cannot be read ({exception.Message})"]);
        }
    }

    /// <summary>Loads every plugin in <paramref name="folder"/> and settles which of them may have which type names.</summary>
    public static PluginCatalog Load(string folder, IEnumerable<string> builtInTypes)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(builtInTypes);
        var found = new List<PluginFolder.Loaded>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            found.Add(new(name, file, [], [$"{file}: a plugin goes in a folder of its own with its dependencies: " +
                $"{Path.Combine(folder, name, name + ".dll")} (the plugin's dotnet publish output)"]));
        }

        foreach (var plugin in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (!Path.GetFileName(plugin).StartsWith('.'))
            {
                found.Add(PluginFolder.Load(plugin));
            }
        }

        return Settle(folder, found, new HashSet<string>(builtInTypes, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A built-in type keeps its name: a plugin never silently replaces what the gateway ships. Two plugins offering
    /// one name both lose it, so that which one runs never depends on the order folders are listed in.
    /// </summary>
    private static PluginCatalog Settle(string folder, List<PluginFolder.Loaded> found, HashSet<string> builtIn)
    {
        var accepted = new List<PluginSensorType>();
        var refused = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var typesOf = found.ToDictionary(p => p, _ => new List<string>());
        var offers = found
            .SelectMany(p => p.Factories.Select(f => (Plugin: p, f.Type, f.Factory)))
            .GroupBy(o => o.Type, StringComparer.OrdinalIgnoreCase);
        foreach (var offer in offers)
        {
            var type = offer.Key;
            var all = offer.ToList();
            if (builtIn.Contains(type))
            {
                foreach (var (plugin, _, factory) in all)
                {
                    plugin.Problems.Add($"{plugin.Path}: {factory.GetType().FullName} gives sensor type '{type}', which is built into the gateway; " +
                        $"a plugin cannot replace a built-in type: give it a name of its own (e.g. 'vendor-{type}')");
                }
            }
            else if (all.Count > 1)
            {
                var by = string.Join(" and ", all.Select(o => $"{o.Factory.GetType().FullName} in {o.Plugin.Path}"));
                refused[type] = $"sensor type '{type}' is offered by {by}, so neither is used; keep only one of them in the plugins folder";
                foreach (var (plugin, _, _) in all.DistinctBy(o => o.Plugin))
                {
                    plugin.Problems.Add($"{plugin.Path}: {refused[type]}");
                }
            }
            else
            {
                var (plugin, _, factory) = all[0];
                accepted.Add(new PluginSensorType(type, factory, plugin.Name, plugin.Path));
                typesOf[plugin].Add(type);
            }
        }

        var plugins = found.Select(p => new SensorPlugin(p.Name, p.Path, typesOf[p], p.Problems)).ToList();
        return new PluginCatalog(folder, plugins, accepted, refused);
    }
}
