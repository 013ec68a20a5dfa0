using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition.Plugins;

/// <summary>
/// A plugin's factory as the gateway uses it: a throwing check becomes a problem in the kit file's report (naming the
/// plugin) instead of a crash at start, and a factory that builds nothing becomes a sensor that cannot be opened.
/// What the sensor does once built (throw, hang, return garbage) is the poller's business, as for every sensor.
/// </summary>
internal sealed class PluginSensorFactory(PluginSensorType plugged) : ISensorFactory
{
    public string Type => plugged.Type;

    public IReadOnlyList<string> Validate(SensorDefinition definition)
    {
        try
        {
            return plugged.Factory.Validate(definition) ?? [];
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return [$"Type: the check of plugin {plugged.Plugin} ({plugged.Path}) failed with {exception.GetType().Name}: {exception.Message}; " +
                "this is a fault in the plugin: report it to its author"];
        }
    }

    public ISensor Create(SensorDefinition definition, IHardware hardware) =>
        plugged.Factory.Create(definition, hardware)
            ?? throw new InvalidOperationException($"plugin {plugged.Plugin} ({plugged.Path}) built no sensor for type '{plugged.Type}'");
}
