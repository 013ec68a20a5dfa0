namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// When a computed EC calibration is refused. A probe whose constant is far from its nominal one is fouled, dry or
/// broken; two standards that disagree mean a contaminated standard or a probe that is not linear over that range.
/// </summary>
public sealed class EcCalibrationLimits
{
    /// <summary>Lowest acceptable cell constant relative to the board's nominal curve. Default 0.5.</summary>
    public double MinCellConstant { get; set; } = 0.5;

    /// <summary>Highest acceptable cell constant relative to the board's nominal curve. Default 2.</summary>
    public double MaxCellConstant { get; set; } = 2;

    /// <summary>Largest difference between the constants two standards give, % of their mean. Default 10.</summary>
    public double MaxDisagreementPercent { get; set; } = 10;

    /// <summary>Age after which readings are flagged "calibration due". Default 30 days.</summary>
    public TimeSpan DueAfter { get; set; } = TimeSpan.FromDays(30);
}
