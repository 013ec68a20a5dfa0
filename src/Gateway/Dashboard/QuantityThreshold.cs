namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// Limits for one quantity, in its stored unit. A value beyond an <c>Act</c> limit is "act", beyond a <c>Watch</c>
/// limit "watch", otherwise "good". Any limit may be left out.
/// </summary>
public sealed class QuantityThreshold
{
    public double? ActBelow { get; set; }

    public double? WatchBelow { get; set; }

    public double? WatchAbove { get; set; }

    public double? ActAbove { get; set; }

    /// <summary>Translation key of what a low value means, e.g. <c>reason.frost</c>, <c>reason.irrigate</c>.</summary>
    public string? LowReason { get; set; }

    /// <summary>Translation key of what a high value means, e.g. <c>reason.heat</c>.</summary>
    public string? HighReason { get; set; }

    /// <summary>
    /// The kind of limit, shown beside water-quality values: <c>health</c>, <c>operational</c>, <c>taste</c>, or
    /// <c>crop</c> for farm thresholds. WHO sets no health-based value for pH, turbidity, TDS or conductivity.
    /// </summary>
    public string Kind { get; set; } = "crop";

    /// <summary>Translation key of the guideline context shown with the value (e.g. <c>who.ph</c>).</summary>
    public string? Context { get; set; }

    /// <summary>True when at least one limit is set; a threshold without limits only carries context.</summary>
    public bool HasLimits => ActBelow is not null || WatchBelow is not null || WatchAbove is not null || ActAbove is not null;

    public TileState Evaluate(double value, out string? reason)
    {
        reason = null;
        if (!HasLimits)
        {
            return TileState.Unknown;
        }

        if (ActBelow is { } actBelow && value <= actBelow)
        {
            reason = LowReason;
            return TileState.Act;
        }

        if (ActAbove is { } actAbove && value >= actAbove)
        {
            reason = HighReason;
            return TileState.Act;
        }

        if (WatchBelow is { } watchBelow && value <= watchBelow)
        {
            reason = LowReason;
            return TileState.Watch;
        }

        if (WatchAbove is { } watchAbove && value >= watchAbove)
        {
            reason = HighReason;
            return TileState.Watch;
        }

        return TileState.Good;
    }
}
