using System.Globalization;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// The four limits of one quantity as the admin page sets them, in the quantity's stored unit. They replace all four
/// limits of the threshold in force (a limit left out means none); advice, kind and context stay as configured.
/// </summary>
public sealed class ThresholdLimits
{
    /// <summary>Limits beyond this size are typing mistakes, not field values (pressure in Pa is about 1e5).</summary>
    public const double Largest = 1e9;

    public double? ActBelow { get; set; }

    public double? WatchBelow { get; set; }

    public double? WatchAbove { get; set; }

    public double? ActAbove { get; set; }

    public static ThresholdLimits Of(QuantityThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        return new() { ActBelow = threshold.ActBelow, WatchBelow = threshold.WatchBelow, WatchAbove = threshold.WatchAbove, ActAbove = threshold.ActAbove };
    }

    /// <summary>The threshold in force with these limits laid over it (a new object; the base is not changed).</summary>
    public QuantityThreshold Over(QuantityThreshold? threshold) => new()
    {
        ActBelow = ActBelow,
        WatchBelow = WatchBelow,
        WatchAbove = WatchAbove,
        ActAbove = ActAbove,
        LowReason = threshold?.LowReason,
        HighReason = threshold?.HighReason,
        Kind = threshold?.Kind ?? "crop",
        Context = threshold?.Context,
    };

    /// <summary>
    /// What is wrong, per field (camelCase, as the admin page sends them): not finite, absurdly large, or out of
    /// order. The order is act-below ≤ watch-below &lt; watch-above ≤ act-above, for the limits that are set.
    /// </summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        (string Name, double? Value)[] limits = [("actBelow", ActBelow), ("watchBelow", WatchBelow), ("watchAbove", WatchAbove), ("actAbove", ActAbove)];
        foreach (var (name, value) in limits)
        {
            if (value is { } v && (!double.IsFinite(v) || Math.Abs(v) > Largest))
            {
                problems[name] = [$"{name} must be a number between -{Largest:0e0} and {Largest:0e0}"];
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        Order(problems, "watchBelow", WatchBelow, "actBelow", ActBelow, strict: false);
        Order(problems, "actAbove", ActAbove, "watchAbove", WatchAbove, strict: false);
        var highestLow = WatchBelow ?? ActBelow;
        var lowestHigh = WatchAbove ?? ActAbove;
        if (highestLow is { } low && lowestHigh is { } high && low >= high)
        {
            var lowName = WatchBelow is not null ? "watchBelow" : "actBelow";
            var highName = WatchAbove is not null ? "watchAbove" : "actAbove";
            problems.TryAdd(highName, [$"{highName} ({Text(high)}) must be above {lowName} ({Text(low)}): a value cannot be too low and too high at once"]);
        }

        return problems;
    }

    private static void Order(Dictionary<string, string[]> problems, string upperName, double? upper, string lowerName, double? lower, bool strict)
    {
        if (upper is { } u && lower is { } l && (strict ? u <= l : u < l))
        {
            problems[upperName] = [$"{upperName} ({Text(u)}) must be at or above {lowerName} ({Text(l)})"];
        }
    }

    private static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
