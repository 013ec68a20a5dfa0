namespace SmartVillage.Gateway.Configuration;

/// <summary>Who this gateway is and which kit file it runs. Section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>
    /// The gateway's id in every record upstream (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>). When empty, one
    /// is generated at first start and kept in the database.
    /// </summary>
    public string? Id { get; set; }

    /// <summary>
    /// The kit file. Relative paths are looked up in the working folder, then beside the program (where the kits of
    /// <c>hardware/kits</c> are copied). Default <c>kits/demo-weather.json</c>.
    /// </summary>
    public string KitFile { get; set; } = "kits/demo-weather.json";

    /// <summary>
    /// Folder of sensor plugins, one sub-folder per plugin (<c>&lt;Name&gt;/&lt;Name&gt;.dll</c> and its dependencies).
    /// Relative paths are taken from the content root (the working folder of the service). Empty (default): no plugins.
    /// The Raspberry Pi install uses <c>/opt/smartvillage/plugins</c>. See docs/writing-a-sensor-plugin.md.
    /// </summary>
    public string? PluginsFolder { get; set; }

    /// <summary>
    /// The settings overlay: what an admin changed on the dashboard (site name, sensor intervals, thresholds, open
    /// viewing), laid over the kit file. Empty: <c>settings-overlay.json</c> beside the reading database.
    /// </summary>
    public string SettingsFile { get; set; } = "";
}
