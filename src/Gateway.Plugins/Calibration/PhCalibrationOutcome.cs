namespace SmartVillage.Plugins.Calibration;

/// <summary>A computed calibration, or why none can be accepted. A refusal is an expected result, not an error.</summary>
public sealed class PhCalibrationOutcome
{
    private PhCalibrationOutcome(PhCalibration? calibration, string? refusal)
    {
        Calibration = calibration;
        Refusal = refusal;
    }

    /// <summary>The accepted calibration; null when refused.</summary>
    public PhCalibration? Calibration { get; }

    /// <summary>Why it was refused, in words for the operator; null when accepted.</summary>
    public string? Refusal { get; }

    public bool IsAccepted => Calibration is not null;

    public static PhCalibrationOutcome Accepted(PhCalibration calibration) => new(calibration, null);

    public static PhCalibrationOutcome Refused(string reason) => new(null, reason);
}
