namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// A stored pH calibration: who, when, with what, what was measured and what was computed. Readings name it by
/// <see cref="Id"/>, so any value can be traced back to the buffers it rests on.
/// </summary>
public sealed record PhCalibration
{
    /// <summary><c>&lt;sensor&gt;@&lt;UTC time&gt;</c>: unique per sensor, readable in a reading's metadata.</summary>
    public required string Id { get; init; }

    public required string SensorId { get; init; }

    public required DateTimeOffset CalibratedAt { get; init; }

    /// <summary>Name of the <see cref="PhBufferSet"/> used.</summary>
    public required string BufferSet { get; init; }

    public required IReadOnlyList<PhCalibrationPoint> Points { get; init; }

    /// <summary>Used below <see cref="SplitPh"/>.</summary>
    public required PhSegment Acid { get; init; }

    /// <summary>Used at and above <see cref="SplitPh"/>; the same as <see cref="Acid"/> for one and two points.</summary>
    public required PhSegment Alkaline { get; init; }

    /// <summary>pH of the middle buffer of a three-point calibration; 7 otherwise.</summary>
    public double SplitPh { get; init; } = 7;

    /// <summary>What the operator wrote (electrode serial, buffer lot, remarks).</summary>
    public string? Note { get; init; }

    /// <summary>pH for an electrode potential at a temperature (Nernst temperature compensation of the slope).</summary>
    public double Ph(double millivolts, double celsius)
    {
        var acid = Acid.Ph(millivolts, celsius);
        return acid < SplitPh ? acid : Alkaline.Ph(millivolts, celsius);
    }

    /// <summary>True when the calibration is older than <paramref name="maximumAge"/> at <paramref name="now"/>.</summary>
    public bool IsDue(DateTimeOffset now, TimeSpan maximumAge) => now - CalibratedAt > maximumAge;
}
