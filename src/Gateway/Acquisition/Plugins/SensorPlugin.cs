namespace SmartVillage.Gateway.Acquisition.Plugins;

/// <summary>What became of one plugin folder: the sensor types it added and every problem found, each naming the file.</summary>
/// <param name="Name">The plugin's folder name (also its main assembly's name).</param>
/// <param name="Path">The main assembly (or, for a misplaced file, that file).</param>
/// <param name="Types">Sensor types the kit file can now use.</param>
/// <param name="Problems">Why the plugin, or some of its types, could not be used. Empty when all is well.</param>
public sealed record SensorPlugin(string Name, string Path, IReadOnlyList<string> Types, IReadOnlyList<string> Problems)
{
    /// <summary>Nothing usable came out of it.</summary>
    public bool Failed => Types.Count == 0;
}
