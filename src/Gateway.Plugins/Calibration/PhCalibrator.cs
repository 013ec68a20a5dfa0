using System.Globalization;

namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// Turns measured buffers into a calibration (Atlas-style 1-, 2- or 3-point, as in Mycodo): one point at pH 7 sets
/// the offset with an ideal slope; two points set offset and slope; three points give an acid and an alkaline slope
/// that meet at the middle buffer. Each point's potential is divided by the Nernst slope at its own temperature, so
/// buffers measured at different temperatures still give one electrode slope. Then the result is checked against
/// <see cref="PhCalibrationLimits"/> and refused, with the reason, when the electrode is out of condition.
/// </summary>
public sealed class PhCalibrator
{
    private readonly PhCalibrationLimits _limits;

    public PhCalibrator(PhCalibrationLimits? limits = null) => _limits = limits ?? new PhCalibrationLimits();

    public CalibrationOutcome<PhCalibration> Compute(
        string sensorId, PhBufferSet buffers, IReadOnlyList<PhCalibrationPoint> points, DateTimeOffset now, string? note = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sensorId);
        ArgumentNullException.ThrowIfNull(buffers);
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.BufferPh).ToList();
        if (CheckPlan(buffers, sorted.Select(p => p.BufferPh).ToList()) is { } planProblem)
        {
            return CalibrationOutcome.Refused<PhCalibration>(planProblem);
        }

        PhSegment acid, alkaline;
        var split = 7.0;
        switch (sorted.Count)
        {
            case 1:
                acid = alkaline = OffsetOnly(sorted[0]);
                break;
            case 2:
                acid = alkaline = Line(sorted[0], sorted[1]);
                break;
            default:
                acid = Line(sorted[0], sorted[1]);
                alkaline = Line(sorted[1], sorted[2]);
                split = sorted[1].BufferPh;
                break;
        }

        var sides = ReferenceEquals(acid, alkaline) ? [("electrode", acid)] : new[] { ("acid", acid), ("alkaline", alkaline) };
        var validation = new List<string>();
        foreach (var (side, segment) in sides)
        {
            if (Check(segment, side, validation) is { } refusal)
            {
                return CalibrationOutcome.Refused<PhCalibration>(refusal);
            }
        }

        return CalibrationOutcome.Accepted(new PhCalibration
        {
            Id = CalibrationRecord.NewId(sensorId, now),
            SensorId = sensorId,
            CalibratedAt = now,
            BufferSet = buffers.Name,
            Points = sorted,
            Acid = acid,
            Alkaline = alkaline,
            SplitPh = split,
            Note = note,
            Validation = validation,
        });
    }

    /// <summary>
    /// Why a calibration with these buffers cannot work, before anything is measured (1-3 different buffers of the
    /// set; one point only at the neutral buffer; three points with the neutral one in the middle); null when it can.
    /// </summary>
    public static CalibrationRefusal? CheckPlan(PhBufferSet buffers, IReadOnlyList<double> bufferPhs)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        ArgumentNullException.ThrowIfNull(bufferPhs);
        var sorted = bufferPhs.Order().ToList();
        if (sorted.Count is < 1 or > 3)
        {
            return CalibrationRefusal.Of("point-count", $"{sorted.Count} points given; a pH calibration uses 1, 2 or 3 buffers",
                ("count", Format(sorted.Count)));
        }

        if (sorted.Where(ph => !buffers.Contains(ph)).Select(ph => (double?)ph).FirstOrDefault() is { } stranger)
        {
            var set = $"{Format(buffers.Acid)}/{Format(buffers.Neutral)}/{Format(buffers.Alkaline)}";
            return CalibrationRefusal.Of("buffer-not-in-set", $"buffer pH {Format(stranger)} is not in the {buffers.Name} set ({set})",
                ("buffer", Format(stranger)), ("set", buffers.Name), ("buffers", set));
        }

        if (sorted.Zip(sorted.Skip(1)).Any(pair => pair.Second - pair.First < 1))
        {
            return CalibrationRefusal.Of("same-buffer", "two points use the same buffer; each point needs a different buffer");
        }

        if (sorted.Count == 1 && Math.Abs(sorted[0] - 7) > 0.5)
        {
            return CalibrationRefusal.Of("one-point-needs-neutral",
                $"a one-point calibration sets the offset and needs the neutral buffer ({Format(buffers.Neutral)}), not pH {Format(sorted[0])}",
                ("neutral", Format(buffers.Neutral)), ("buffer", Format(sorted[0])));
        }

        return sorted.Count == 3 && Math.Abs(sorted[1] - 7) > 0.5
            ? CalibrationRefusal.Of("three-point-needs-neutral", "a three-point calibration needs the neutral buffer as its middle point")
            : null;
    }

    /// <summary>Where the point would sit at pH 7 with the ideal slope at its temperature.</summary>
    private static PhSegment OffsetOnly(PhCalibrationPoint point) =>
        new(point.Millivolts + (Nernst.SlopeMillivoltsPerPh(point.TemperatureCelsius) * (point.BufferPh - 7)), 100);

    /// <summary>E = offset + s·x with x = −Nernst(T)·(pH − 7): a straight line through two points in (x, E).</summary>
    private static PhSegment Line(PhCalibrationPoint a, PhCalibrationPoint b)
    {
        var xa = -Nernst.SlopeMillivoltsPerPh(a.TemperatureCelsius) * (a.BufferPh - 7);
        var xb = -Nernst.SlopeMillivoltsPerPh(b.TemperatureCelsius) * (b.BufferPh - 7);
        var fraction = (b.Millivolts - a.Millivolts) / (xb - xa);
        return new PhSegment(a.Millivolts - (fraction * xa), fraction * 100);
    }

    private CalibrationRefusal? Check(PhSegment segment, string side, List<string> passed)
    {
        var slope = Format(segment.SlopePercent, "F1");
        var offset = Format(segment.OffsetMillivolts, "F1");
        string min = Format(_limits.MinSlopePercent), max = Format(_limits.MaxSlopePercent), limit = Format(_limits.MaxOffsetMillivolts);
        if (segment.SlopePercent < _limits.MinSlopePercent || segment.SlopePercent > _limits.MaxSlopePercent)
        {
            return CalibrationRefusal.Of("slope",
                $"{side} slope {slope} % of Nernst is outside {min}-{max} %: clean, rehydrate or replace the electrode",
                ("side", side), ("slope", slope), ("min", min), ("max", max));
        }

        if (Math.Abs(segment.OffsetMillivolts) > _limits.MaxOffsetMillivolts)
        {
            return CalibrationRefusal.Of("offset",
                $"{side} offset {offset} mV at pH 7 is outside ±{limit} mV: check the reference junction and the buffers, or replace the electrode",
                ("side", side), ("offset", offset), ("limit", limit));
        }

        passed.Add($"{side} slope {slope} % of Nernst is within {min}-{max} %");
        passed.Add($"{side} offset {offset} mV at pH 7 is within ±{limit} mV");
        return null;
    }

    private static string Format(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
