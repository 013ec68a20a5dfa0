using System.Globalization;

namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// Turns measured standard solutions into an EC calibration: each point's board output is compensated to 25 °C and
/// gives a cell constant (standard ÷ board curve); one standard gives the constant, two must agree within
/// <see cref="EcCalibrationLimits.MaxDisagreementPercent"/> and their mean is taken. Points outside the board's range,
/// points with no signal, and constants outside the limits are refused with the reason.
/// </summary>
public sealed class EcCalibrator
{
    private readonly EcCalibrationLimits _limits;

    public EcCalibrator(EcCalibrationLimits? limits = null) => _limits = limits ?? new EcCalibrationLimits();

    public CalibrationOutcome<EcCalibration> Compute(
        string sensorId, IReadOnlyList<EcCalibrationPoint> points, DateTimeOffset now, string? note = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sensorId);
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.StandardMicrosiemens).ToList();
        if (CheckPlan(sorted.Select(p => p.StandardMicrosiemens).ToList()) is { } planProblem)
        {
            return CalibrationOutcome.Refused<EcCalibration>(planProblem);
        }

        var validation = new List<string>();
        foreach (var point in sorted)
        {
            var standard = Format(point.StandardMicrosiemens);
            if (point.Volts > EcBoardCurve.MaxVolts)
            {
                return Refused("board-range",
                    $"the {standard} µS/cm standard reads {Format(point.Volts, "F3")} V, beyond the board's {Format(EcBoardCurve.MaxVolts)} V range: "
                    + "use a standard within the probe's range (1413 µS/cm for an analog TDS board)",
                    ("standard", standard), ("volts", Format(point.Volts, "F3")), ("limit", Format(EcBoardCurve.MaxVolts)));
            }

            if (EcBoardCurve.Microsiemens(EcBoardCurve.CompensatedVolts(point.Volts, point.TemperatureCelsius)) < 1)
            {
                return Refused("no-signal",
                    $"the probe gives no signal in the {standard} µS/cm standard ({Format(point.Volts, "F3")} V): is it immersed and connected?",
                    ("standard", standard), ("volts", Format(point.Volts, "F3")));
            }
        }

        validation.Add($"every standard reads within the board's 0-{Format(EcBoardCurve.MaxVolts)} V range");
        if (sorted.Count == 2)
        {
            var (low, high) = (sorted[0].CellConstant, sorted[1].CellConstant);
            var disagreement = Math.Abs(high - low) / ((high + low) / 2) * 100;
            var tolerance = Format(_limits.MaxDisagreementPercent);
            if (disagreement > _limits.MaxDisagreementPercent)
            {
                return Refused("standards-disagree",
                    $"the {Format(sorted[0].StandardMicrosiemens)} µS/cm standard gives cell constant {Format(low, "F3")} and the "
                    + $"{Format(sorted[1].StandardMicrosiemens)} µS/cm standard {Format(high, "F3")}, {Format(disagreement, "F1")} % apart "
                    + $"(at most {tolerance} %): rinse between standards, use fresh standards, or check the probe",
                    ("low", Format(sorted[0].StandardMicrosiemens)), ("lowConstant", Format(low, "F3")),
                    ("high", Format(sorted[1].StandardMicrosiemens)), ("highConstant", Format(high, "F3")),
                    ("disagreement", Format(disagreement, "F1")), ("tolerance", tolerance));
            }

            validation.Add($"the two standards agree within {tolerance} % ({Format(disagreement, "F1")} %)");
        }

        var constant = sorted.Average(p => p.CellConstant);
        string min = Format(_limits.MinCellConstant), max = Format(_limits.MaxCellConstant), value = Format(constant, "F3");
        if (constant < _limits.MinCellConstant || constant > _limits.MaxCellConstant)
        {
            return Refused("cell-constant",
                $"cell constant {value} is outside {min}-{max}: clean the probe's electrodes, check its cable, or replace it",
                ("constant", value), ("min", min), ("max", max));
        }

        validation.Add($"cell constant {value} is within {min}-{max}");
        return CalibrationOutcome.Accepted(new EcCalibration
        {
            Id = CalibrationRecord.NewId(sensorId, now),
            SensorId = sensorId,
            CalibratedAt = now,
            Points = sorted,
            CellConstant = Math.Round(constant, 5),
            Note = note,
            Validation = validation,
        });
    }

    /// <summary>Why a calibration with these standards cannot work (1 or 2 different, positive standards); null when it can.</summary>
    public static CalibrationRefusal? CheckPlan(IReadOnlyList<double> standards)
    {
        ArgumentNullException.ThrowIfNull(standards);
        if (standards.Count is < 1 or > 2)
        {
            return CalibrationRefusal.Of("point-count", $"{standards.Count} standards given; an EC calibration uses 1 or 2 standard solutions",
                ("count", Format(standards.Count)));
        }

        if (standards.Where(s => !(s is >= 1 and <= 200_000)).Select(s => (double?)s).FirstOrDefault() is { } odd)
        {
            return CalibrationRefusal.Of("standard-range", $"a standard of {Format(odd)} µS/cm is not plausible; use 1-200000 µS/cm",
                ("standard", Format(odd)));
        }

        return standards.Count == 2 && Math.Abs(standards[0] - standards[1]) < 1
            ? CalibrationRefusal.Of("same-standard", "two points use the same standard; each point needs a different standard")
            : null;
    }

    private static CalibrationOutcome<EcCalibration> Refused(string code, string message, params (string, string)[] values) =>
        CalibrationOutcome.Refused<EcCalibration>(CalibrationRefusal.Of(code, message, values));

    private static string Format(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
