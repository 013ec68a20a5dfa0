using System.Text.Json.Serialization;

namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// A stored EC calibration: the standard solutions used, the board output measured in each, and the probe's cell
/// constant computed from them (see <see cref="EcBoardCurve"/>).
/// </summary>
public sealed record EcCalibration : CalibrationRecord
{
    public override CalibrationKind Kind => CalibrationKind.Ec;

    public required IReadOnlyList<EcCalibrationPoint> Points { get; init; }

    /// <summary>The probe's cell constant relative to the board's nominal curve (ideal 1).</summary>
    public required double CellConstant { get; init; }

    [JsonIgnore]
    public override IReadOnlyList<CalibrationPoint> ReferencePoints =>
        [.. Points.Select(p => new CalibrationPoint(p.StandardMicrosiemens, p.Volts, "V", p.TemperatureCelsius, p.At))];

    /// <summary>Conductivity at 25 °C, µS/cm, for a board output at a temperature.</summary>
    public double MicrosiemensAt25(double volts, double celsius) => EcBoardCurve.MicrosiemensAt25(volts, celsius, CellConstant);
}
