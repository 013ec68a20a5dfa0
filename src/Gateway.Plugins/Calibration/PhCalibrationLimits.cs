namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// When a computed calibration is refused (domain reference §3.4: Onset, all-about-ph). An electrode outside these
/// needs cleaning or replacing; applying its calibration would hide that.
/// </summary>
public sealed class PhCalibrationLimits
{
    /// <summary>Lowest acceptable slope, % of Nernst. Default 85.</summary>
    public double MinSlopePercent { get; set; } = 85;

    /// <summary>Highest acceptable slope, % of Nernst. Default 105.</summary>
    public double MaxSlopePercent { get; set; } = 105;

    /// <summary>Largest acceptable potential at pH 7, ± mV. Default 30.</summary>
    public double MaxOffsetMillivolts { get; set; } = 30;

    /// <summary>Age after which readings are flagged "calibration due". Default 30 days (±0.1 pH practice).</summary>
    public TimeSpan DueAfter { get; set; } = TimeSpan.FromDays(30);
}
