using System.Globalization;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Configuration.Overlay;
using SmartVillage.Gateway.Dashboard.Admin;
using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Dashboard.Settings;

/// <summary>
/// Applies the admin's changes: each one is written to the settings overlay (whole file, atomically), then
/// configuration is reloaded, so thresholds, the site name, open viewing and sensor intervals take effect at once,
/// and a restart reads the same file. Changes are made one at a time.
/// </summary>
public sealed class AdminSettings(
    SettingsOverlaySource overlay,
    ConfigurationLayers layers,
    IConfiguration configuration,
    LiveDashboardSettings live,
    SeriesQuery series,
    AdminChangeLog changes)
{
    public const int ChangesShown = 50;
    private static readonly TimeSpan DefaultInterval = new SmartVillage.Plugins.Abstractions.SensorDefinition().Interval;
    private readonly Lock _gate = new();

    public AdminChangeLog Changes => changes;

    public SettingsOverlay Overlay => overlay.Current;

    public SettingsView View()
    {
        var current = overlay.Current;
        var thresholds = live.Thresholds;
        var configured = live.ConfiguredThresholds;
        var units = Units();
        var quantities = configured.Keys.Concat(thresholds.Keys).Concat(units.Keys)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        return new SettingsView(
            live.SiteName,
            layers.Below(NameKey) ?? "",
            current.Name is not null,
            live.OpenViewing,
            KitOpenViewing(),
            current.OpenViewing is not null,
            overlay.File.Path,
            [.. overlay.SensorIndexes.OrderBy(p => p.Value).Select(p => Sensor(p.Key, p.Value, current))],
            [.. quantities.Select(q => new ThresholdSetting(
                q,
                units.GetValueOrDefault(q),
                thresholds.TryGetValue(q, out var now) ? ThresholdLimits.Of(now) : new ThresholdLimits(),
                configured.TryGetValue(q, out var before) ? ThresholdLimits.Of(before) : new ThresholdLimits(),
                current.Thresholds.ContainsKey(q),
                (now ?? before)?.Kind ?? "crop"))],
            changes.Recent(ChangesShown));
    }

    /// <summary>Whether the quantity can be given limits: it has a threshold or the gateway has readings of it.</summary>
    public bool IsKnownQuantity(string quantity) =>
        live.Thresholds.ContainsKey(quantity) || Units().ContainsKey(quantity);

    public bool IsKnownSensor(string id) => overlay.SensorIndexes.ContainsKey(id);

    public ThresholdLimits LimitsOf(string quantity) =>
        live.Thresholds.TryGetValue(quantity, out var threshold) ? ThresholdLimits.Of(threshold) : new ThresholdLimits();

    public (TimeSpan Interval, bool Enabled) SensorNow(string id)
    {
        var index = overlay.SensorIndexes[id];
        return (Interval(configuration[SensorKey(index, "Interval")]) ?? DefaultInterval, Flag(configuration[SensorKey(index, "Enabled")]) ?? true);
    }

    /// <summary>Null when the admin page may change the key; otherwise which higher layer would hide the change.</summary>
    public string? HiddenBy(string key) => layers.OverriddenBy(key);

    public static string NameKey => $"{KitOptions.Section}:{nameof(KitOptions.Name)}";

    public static string ViewingKey => $"{KitOptions.Section}:{DashboardOptions.Section}:{nameof(DashboardOptions.OpenViewing)}";

    public static string LimitKey(string quantity) => $"{KitOptions.Section}:{DashboardOptions.Section}:{nameof(DashboardOptions.LimitOverrides)}:{quantity}:ActBelow";

    public string SensorKey(string id, string field) => SensorKey(overlay.SensorIndexes[id], field);

    /// <summary>Writes the changed overlay and reloads configuration.</summary>
    /// <exception cref="IOException">The file could not be written; nothing changed.</exception>
    public void Save(Action<SettingsOverlay> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var next = overlay.Current.Copy();
            change(next);
            overlay.File.Write(next);
            overlay.Reload();
        }
    }

    private SensorSetting Sensor(string id, int index, SettingsOverlay current)
    {
        var (interval, enabled) = SensorNow(id);
        var kitInterval = Interval(layers.Below(SensorKey(index, "Interval"))) ?? DefaultInterval;
        var kitEnabled = Flag(layers.Below(SensorKey(index, "Enabled"))) ?? true;
        return new SensorSetting(
            id,
            configuration[SensorKey(index, "Type")] ?? "",
            interval.TotalSeconds,
            enabled,
            kitInterval.TotalSeconds,
            kitEnabled,
            current.Sensors.TryGetValue(id, out var entry) && !entry.IsEmpty);
    }

    private bool KitOpenViewing() =>
        Flag(layers.Below(ViewingKey)) ?? Flag(configuration[$"{DashboardOptions.Section}:{nameof(DashboardOptions.OpenViewing)}"]) ?? true;

    private Dictionary<string, string> Units()
    {
        var units = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in series.ReadAll())
        {
            units.TryAdd(s.Quantity, s.Unit);
        }

        return units;
    }

    private static string SensorKey(int index, string field) => $"{KitOptions.Section}:Sensors:{index}:{field}";

    private static TimeSpan? Interval(string? text) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool? Flag(string? text) => bool.TryParse(text, out var value) ? value : null;
}
