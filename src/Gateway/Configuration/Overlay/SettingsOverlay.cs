using System.Text.Json.Serialization;
using SmartVillage.Gateway.Dashboard;

namespace SmartVillage.Gateway.Configuration.Overlay;

/// <summary>
/// What an admin changed on the dashboard, as kept in the settings overlay file: laid over the kit file, never
/// written into it. Sensors are named by their id, not their place in the kit's list, so the cooperative can edit
/// the kit file without the overlay landing on the wrong sensor. Every entry is optional; an empty overlay changes
/// nothing.
/// </summary>
public sealed class SettingsOverlay
{
    public const string Explanation =
        "Settings changed on the dashboard's admin page. They are laid over the kit file (which is not changed); " +
        "environment variables and the command line still win over them. Delete an entry, or this whole file, " +
        "and restart the gateway to go back to the kit file.";

    /// <summary>For whoever opens the file: what it is and how to undo it.</summary>
    public string? About { get; set; } = Explanation;

    /// <summary>The site or kit name shown on the dashboard (<c>Kit:Name</c>).</summary>
    public string? Name { get; set; }

    /// <summary><c>Kit:Dashboard:OpenViewing</c>.</summary>
    public bool? OpenViewing { get; set; }

    /// <summary>Per sensor id: its reading interval and whether it is read at all.</summary>
    public SortedDictionary<string, SensorOverride> Sensors { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per quantity: the four limits (<c>Kit:Dashboard:LimitOverrides</c>).</summary>
    public SortedDictionary<string, ThresholdLimits> Thresholds { get; set; } = new(StringComparer.Ordinal);

    public SettingsOverlay Copy() => new()
    {
        About = Explanation,
        Name = Name,
        OpenViewing = OpenViewing,
        Sensors = new(Sensors.ToDictionary(p => p.Key, p => new SensorOverride { Interval = p.Value.Interval, Enabled = p.Value.Enabled }), StringComparer.Ordinal),
        Thresholds = new(Thresholds.ToDictionary(p => p.Key, p => new ThresholdLimits
        {
            ActBelow = p.Value.ActBelow,
            WatchBelow = p.Value.WatchBelow,
            WatchAbove = p.Value.WatchAbove,
            ActAbove = p.Value.ActAbove,
        }), StringComparer.Ordinal),
    };
}

/// <summary>One sensor's changed settings; null: as the kit file says.</summary>
public sealed class SensorOverride
{
    public TimeSpan? Interval { get; set; }

    public bool? Enabled { get; set; }

    [JsonIgnore]
    public bool IsEmpty => Interval is null && Enabled is null;
}
