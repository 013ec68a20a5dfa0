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

    public PhCalibrationOutcome Compute(
        string sensorId, PhBufferSet buffers, IReadOnlyList<PhCalibrationPoint> points, DateTimeOffset now, string? note = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sensorId);
        ArgumentNullException.ThrowIfNull(buffers);
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.BufferPh).ToList();
        if (sorted.Count is < 1 or > 3)
        {
            return PhCalibrationOutcome.Refused($"{sorted.Count} points given; a pH calibration uses 1, 2 or 3 buffers");
        }

        if (sorted.FirstOrDefault(p => !buffers.Contains(p.BufferPh)) is { } stranger)
        {
            return PhCalibrationOutcome.Refused(
                $"buffer pH {Format(stranger.BufferPh)} is not in the {buffers.Name} set ({Format(buffers.Acid)}/{Format(buffers.Neutral)}/{Format(buffers.Alkaline)})");
        }

        if (sorted.Zip(sorted.Skip(1)).Any(pair => pair.Second.BufferPh - pair.First.BufferPh < 1))
        {
            return PhCalibrationOutcome.Refused("two points use the same buffer; each point needs a different buffer");
        }

        PhSegment acid, alkaline;
        var split = 7.0;
        switch (sorted.Count)
        {
            case 1:
                if (Math.Abs(sorted[0].BufferPh - 7) > 0.5)
                {
                    return PhCalibrationOutcome.Refused(
                        $"a one-point calibration sets the offset and needs the neutral buffer ({Format(buffers.Neutral)}), not pH {Format(sorted[0].BufferPh)}");
                }

                acid = alkaline = OffsetOnly(sorted[0]);
                break;
            case 2:
                acid = alkaline = Line(sorted[0], sorted[1]);
                break;
            default:
                if (Math.Abs(sorted[1].BufferPh - 7) > 0.5)
                {
                    return PhCalibrationOutcome.Refused("a three-point calibration needs the neutral buffer as its middle point");
                }

                acid = Line(sorted[0], sorted[1]);
                alkaline = Line(sorted[1], sorted[2]);
                split = sorted[1].BufferPh;
                break;
        }

        var refusal = ReferenceEquals(acid, alkaline)
            ? Check(acid, "electrode")
            : Check(acid, "acid") ?? Check(alkaline, "alkaline");
        if (refusal is not null)
        {
            return PhCalibrationOutcome.Refused(refusal);
        }

        return PhCalibrationOutcome.Accepted(new PhCalibration
        {
            Id = $"{sensorId}@{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
            SensorId = sensorId,
            CalibratedAt = now,
            BufferSet = buffers.Name,
            Points = sorted,
            Acid = acid,
            Alkaline = alkaline,
            SplitPh = split,
            Note = note,
        });
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

    private string? Check(PhSegment segment, string side)
    {
        if (segment.SlopePercent < _limits.MinSlopePercent || segment.SlopePercent > _limits.MaxSlopePercent)
        {
            return $"{side} slope {Format(segment.SlopePercent, "F1")} % of Nernst is outside "
                + $"{Format(_limits.MinSlopePercent)}-{Format(_limits.MaxSlopePercent)} %: clean, rehydrate or replace the electrode";
        }

        return Math.Abs(segment.OffsetMillivolts) > _limits.MaxOffsetMillivolts
            ? $"{side} offset {Format(segment.OffsetMillivolts, "F1")} mV at pH 7 is outside ±{Format(_limits.MaxOffsetMillivolts)} mV: "
                + "check the reference junction and the buffers, or replace the electrode"
            : null;
    }

    private static string Format(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
