using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition.Plugins;

/// <summary>A sensor type a plugin adds: its factory as the plugin made it, and where it came from.</summary>
/// <param name="Type">The kit file's type name, as the factory gave it when loaded.</param>
/// <param name="Factory">The plugin's own factory (unguarded; the registry wraps it).</param>
/// <param name="Plugin">The plugin's name.</param>
/// <param name="Path">The plugin's main assembly.</param>
public sealed record PluginSensorType(string Type, ISensorFactory Factory, string Plugin, string Path);
