using SmartVillage.Gateway.Dashboard.Admin;

namespace SmartVillage.Gateway.Dashboard.Settings;

/// <summary>
/// What the admin page's settings section shows: each setting as in force now, what the kit file (or the built-in
/// default) says, whether the overlay changes it, and the newest admin changes.
/// </summary>
public sealed record SettingsView(
    string Name,
    string KitName,
    bool NameChanged,
    bool OpenViewing,
    bool KitOpenViewing,
    bool ViewingChanged,
    string OverlayFile,
    IReadOnlyList<SensorSetting> Sensors,
    IReadOnlyList<ThresholdSetting> Thresholds,
    IReadOnlyList<AdminChange> Changes);

/// <summary>One kit sensor: interval in seconds and enabled, now and in the kit file.</summary>
public sealed record SensorSetting(string Id, string Type, double IntervalSeconds, bool Enabled, double KitIntervalSeconds, bool KitEnabled, bool Changed);

/// <summary>One quantity's limits in its stored unit, now and as configured (kit file or built-in default).</summary>
public sealed record ThresholdSetting(string Quantity, string? Unit, ThresholdLimits Limits, ThresholdLimits Configured, bool Changed, string Kind);
