using System.Text.Json.Serialization;

namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// A stored pH calibration: the buffers used, the electrode potential measured in each, and the electrode's offset
/// and slope computed from them (one segment, or an acid and an alkaline one meeting at the middle buffer).
/// </summary>
public sealed record PhCalibration : CalibrationRecord
{
    public override CalibrationKind Kind => CalibrationKind.Ph;

    /// <summary>Name of the <see cref="PhBufferSet"/> used.</summary>
    public required string BufferSet { get; init; }

    public required IReadOnlyList<PhCalibrationPoint> Points { get; init; }

    /// <summary>Used below <see cref="SplitPh"/>.</summary>
    public required PhSegment Acid { get; init; }

    /// <summary>Used at and above <see cref="SplitPh"/>; the same as <see cref="Acid"/> for one and two points.</summary>
    public required PhSegment Alkaline { get; init; }

    /// <summary>pH of the middle buffer of a three-point calibration; 7 otherwise.</summary>
    // Every stored record has it; a record without it means neutral pH 7 (the generated JSON reader would set 0).
    public double SplitPh { get => _splitPh ?? 7; init => _splitPh = value; }

    private readonly double? _splitPh;

    [JsonIgnore]
    public override IReadOnlyList<CalibrationPoint> ReferencePoints =>
        [.. Points.Select(p => new CalibrationPoint(p.BufferPh, p.Millivolts, "mV", p.TemperatureCelsius, p.At))];

    /// <summary>pH for an electrode potential at a temperature (Nernst temperature compensation of the slope).</summary>
    public double Ph(double millivolts, double celsius)
    {
        var acid = Acid.Ph(millivolts, celsius);
        return acid < SplitPh ? acid : Alkaline.Ph(millivolts, celsius);
    }
}
