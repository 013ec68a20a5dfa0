using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace SmartVillage.Gateway.Acquisition.Plugins;

/// <summary>
/// The assemblies the gateway itself carries: .NET, the plugin contract (SmartVillage.Gateway.Plugins) and everything
/// it was built with (System.Device.Gpio, Iot.Device.Bindings, UnitsNet, ...). A plugin always gets these copies, so
/// an <c>ISensorFactory</c>, an <c>I2cDevice</c> or a <c>Temperature</c> is the same type on both sides.
/// </summary>
/// <remarks>
/// Asked by trying to load the name in the default context rather than by reading the host's dependency list: in a
/// single-file build the bundled assemblies have no files to list, but the default context still finds them.
/// </remarks>
internal static class HostAssemblies
{
    private static readonly ConcurrentDictionary<string, Assembly?> s_byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The host's copy of the assembly named <paramref name="simpleName"/>, whatever its version; null if it has none.</summary>
    public static Assembly? Find(string simpleName) => s_byName.GetOrAdd(simpleName, static name =>
    {
        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            // Not the host's: the plugin brings it.
            return null;
        }
    });
}
