using System.Globalization;

namespace SmartVillage.Gateway.Dashboard.Settings;

/// <summary>
/// How a change reads in the admin change list and the log: field names as the page sends them, values before and
/// after (<c>watchBelow 2 → 3</c>, <c>interval 10 s → 60 s</c>). Values only, never a secret.
/// </summary>
public static class ChangeText
{
    public static string Viewing(bool open) => open ? "open" : "login needed";

    public static string SensorText((TimeSpan Interval, bool Enabled) sensor) =>
        $"interval {Seconds(sensor.Interval)}, {(sensor.Enabled ? "enabled" : "disabled")}";

    public static string SensorDiff(TimeSpan interval, bool enabled, (TimeSpan Interval, bool Enabled) after)
    {
        var parts = new List<string>();
        if (after.Interval != interval)
        {
            parts.Add($"interval {Seconds(interval)} → {Seconds(after.Interval)}");
        }

        if (after.Enabled != enabled)
        {
            parts.Add(after.Enabled ? "enabled" : "disabled");
        }

        return parts.Count == 0 ? "unchanged: " + SensorText(after) : string.Join(", ", parts);
    }

    private static string Seconds(TimeSpan interval) => interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    public static string LimitText(ThresholdLimits limits) =>
        string.Join(", ", Limits(limits).Select(l => $"{l.Name} {Number(l.Value)}"));

    public static string LimitDiff(ThresholdLimits before, ThresholdLimits after)
    {
        var parts = Limits(before).Zip(Limits(after))
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => $"{pair.First.Name} {Number(pair.First.Value)} → {Number(pair.Second.Value)}")
            .ToList();
        return parts.Count == 0 ? "unchanged: " + LimitText(after) : string.Join(", ", parts);
    }

    private static (string Name, double? Value)[] Limits(ThresholdLimits limits) =>
        [("actBelow", limits.ActBelow), ("watchBelow", limits.WatchBelow), ("watchAbove", limits.WatchAbove), ("actAbove", limits.ActAbove)];

    private static string Number(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "none";
}
