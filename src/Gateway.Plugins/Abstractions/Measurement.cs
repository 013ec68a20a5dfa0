namespace SmartVillage.Plugins.Abstractions;

/// <summary>One value of one quantity from one read of a sensor.</summary>
/// <param name="Quantity">Short, SenML-name-safe name of what was measured: <c>temperature</c>, <c>soil-vwc</c>.</param>
/// <param name="Unit">
/// SenML unit symbol (RFC 8428 / RFC 8798): <c>Cel</c>, <c>%RH</c>, <c>Pa</c>, <c>/</c>. Empty when no registered unit
/// exists; the quantity's name then carries the unit (<c>turbidity-ntu</c>) and an encoder omits <c>u</c>.
/// </param>
/// <param name="Value">The value in <paramref name="Unit"/>: the calibrated value when a calibration applies.</param>
/// <param name="Quality">Flags; <see cref="ReadingQuality.Good"/> when nothing is known to be wrong.</param>
public readonly record struct Measurement(string Quantity, string Unit, double Value, ReadingQuality Quality = ReadingQuality.Good)
{
    /// <summary>
    /// What the sensor itself reported before any calibration (electrode millivolts, probe volts), in
    /// <see cref="RawUnit"/>; null when the value needs no calibration. Kept so a value can be recomputed or audited
    /// after a calibration is found to be wrong.
    /// </summary>
    public double? RawValue { get; init; }

    /// <summary>Unit of <see cref="RawValue"/> (<c>mV</c>, <c>V</c>); null when there is no raw value.</summary>
    public string? RawUnit { get; init; }

    /// <summary>
    /// Id of the calibration record that turned <see cref="RawValue"/> into <see cref="Value"/>; null when none was
    /// applied (then <see cref="ReadingQuality.Uncalibrated"/> says whether one was needed).
    /// </summary>
    public string? CalibrationId { get; init; }
}
