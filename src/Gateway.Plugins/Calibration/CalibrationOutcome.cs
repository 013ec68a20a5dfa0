namespace SmartVillage.Plugins.Calibration;

/// <summary>A computed calibration, or why none can be accepted. A refusal is an expected result, not an error.</summary>
public sealed class CalibrationOutcome<T>
    where T : CalibrationRecord
{
    internal CalibrationOutcome(T? calibration, CalibrationRefusal? reason)
    {
        Calibration = calibration;
        Reason = reason;
    }

    /// <summary>The accepted calibration; null when refused.</summary>
    public T? Calibration { get; }

    /// <summary>Why it was refused; null when accepted.</summary>
    public CalibrationRefusal? Reason { get; }

    /// <summary>Why it was refused, in words for the operator; null when accepted.</summary>
    public string? Refusal => Reason?.Message;

    public bool IsAccepted => Calibration is not null;
}

/// <summary>Makes <see cref="CalibrationOutcome{T}"/>s.</summary>
public static class CalibrationOutcome
{
    public static CalibrationOutcome<T> Accepted<T>(T calibration)
        where T : CalibrationRecord =>
        new(calibration ?? throw new ArgumentNullException(nameof(calibration)), null);

    public static CalibrationOutcome<T> Refused<T>(CalibrationRefusal reason)
        where T : CalibrationRecord =>
        new(null, reason ?? throw new ArgumentNullException(nameof(reason)));
}
