using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;

namespace SmartVillage.Gateway.Acquisition.Plugins;

/// <summary>
/// One plugin's own load context: its private dependencies (listed in its <c>.deps.json</c>, found in its folder) load
/// here, isolated from other plugins; whatever the gateway itself carries comes from the default context.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    /// <exception cref="InvalidOperationException">The plugin's .deps.json cannot be read.</exception>
    public PluginLoadContext(string mainAssemblyPath)
        : base($"plugin {Path.GetFileNameWithoutExtension(mainAssemblyPath)}")
    {
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = PluginFolder.JitOnly)]
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Null hands the name to the default context, which also checks the version: a plugin built against a newer
        // contract or bindings than the gateway has fails to load loudly instead of binding to the older copy.
        if (assemblyName.Name is null || HostAssemblies.Find(assemblyName.Name) is not null)
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
