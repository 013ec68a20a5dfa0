namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// Defaults from the project's domain reference (§3): change them per crop, soil and site in <c>Dashboard:Thresholds</c>.
/// </summary>
public static class DefaultThresholds
{
    public static IReadOnlyDictionary<string, QuantityThreshold> All { get; } = new Dictionary<string, QuantityThreshold>(StringComparer.OrdinalIgnoreCase)
    {
        // Air at 1.5-2 m: frost warning at 2 °C, frost at 0 °C; crop heat stress from 35 °C (30-32 °C for wheat at anthesis).
        ["temperature"] = new() { ActBelow = 0, WatchBelow = 2, WatchAbove = 32, ActAbove = 35, LowReason = "reason.frost", HighReason = "reason.heat" },

        // Volumetric water content for a loam: field capacity 0.28, PWP 0.14, irrigate at 50 % depletion (0.21);
        // critical below PWP + 10 % of available water (0.154). Above field capacity the soil drains.
        ["soil-vwc"] = new() { ActBelow = 0.154, WatchBelow = 0.21, WatchAbove = 0.28, LowReason = "reason.irrigate", HighReason = "reason.wet" },

        // Capacitive probes calibrated dry = 0 %, water = 100 %: relative, not VWC. The same loam rule in relative terms.
        ["soil-moisture"] = new() { ActBelow = 25, WatchBelow = 40, WatchAbove = 85, LowReason = "reason.irrigate", HighReason = "reason.wet" },

        // WHO: no health-based value for pH; 6.5-8.5 is the usual operational target.
        ["ph"] = new() { WatchBelow = 6.5, WatchAbove = 8.5, Kind = "operational", Context = "who.ph", LowReason = "reason.outside-target", HighReason = "reason.outside-target" },

        // WHO: ideally below 1 NTU for disinfection, 5 NTU acceptability (visible from about 4). Operational/aesthetic.
        ["turbidity"] = new() { WatchAbove = 1, ActAbove = 5, Kind = "operational", Context = "who.turbidity", HighReason = "reason.cloudy" },

        // WHO TDS taste bands: fair above 600 mg/L, 1000 mg/L often quoted as the limit. Aesthetic, no health value.
        ["tds"] = new() { WatchAbove = 600, ActAbove = 1000, Kind = "taste", Context = "who.tds", HighReason = "reason.salty" },

        // Conductivity has no WHO value: the TDS bands at k = 0.5 (µS/cm).
        ["ec"] = new() { WatchAbove = 1200, ActAbove = 2000, Kind = "taste", Context = "who.ec", HighReason = "reason.salty" },

        ["water-temperature"] = new() { Kind = "operational", Context = "who.temperature" },
    };

    /// <summary>Quantities that belong to the water-quality view.</summary>
    public static IReadOnlySet<string> WaterQuantities { get; } =
        new HashSet<string>(["ph", "turbidity", "tds", "ec", "water-temperature"], StringComparer.OrdinalIgnoreCase);
}
