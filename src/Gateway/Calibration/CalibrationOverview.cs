namespace SmartVillage.Gateway.Calibration;

/// <summary>What a viewer may see of calibration: the calibratable sensors and what a session can use.</summary>
/// <param name="Sensors">The kit's calibratable sensors, in kit order.</param>
/// <param name="BufferSets">pH buffer sets by name, buffers at 25 °C.</param>
/// <param name="EcStandards">Usual conductivity standards, µS/cm at 25 °C.</param>
/// <param name="Limits">The limits results are checked against.</param>
/// <param name="Simulated">True when the kit runs on simulated hardware (its probes can be put in solutions over the API).</param>
public sealed record CalibrationOverview(
    IReadOnlyList<CalibratableSensorView> Sensors,
    IReadOnlyList<BufferSetView> BufferSets,
    IReadOnlyList<double> EcStandards,
    CalibrationLimitsView Limits,
    bool Simulated);

/// <summary>One calibratable sensor: its current calibration, how old it is, whether it is due, any open session.</summary>
/// <param name="Status"><c>uncalibrated</c> (never calibrated), <c>ok</c>, or <c>due</c> (older than <paramref name="DueAfterDays"/>).</param>
public sealed record CalibratableSensorView(
    string Id,
    string Type,
    string Kind,
    string RawUnit,
    double DueAfterDays,
    string Status,
    CalibrationRecordView? Current,
    double? AgeDays,
    string? Session);

public sealed record BufferSetView(string Name, double Acid, double Neutral, double Alkaline);

public sealed record CalibrationLimitsView(
    double MinSlopePercent, double MaxSlopePercent, double MaxOffsetMillivolts, double MinCellConstant, double MaxCellConstant, double MaxDisagreementPercent);
