namespace SmartVillage.Plugins.Abstractions;

/// <summary>
/// The outcome of one read. An expected failure (absent device, CRC error, timeout) is a value, not an exception,
/// so the caller records the sensor's health instead of guessing from a stack trace.
/// </summary>
public sealed class SensorSample
{
    private SensorSample(IReadOnlyList<Measurement> measurements, string? error)
    {
        Measurements = measurements;
        Error = error;
    }

    public IReadOnlyList<Measurement> Measurements { get; }

    /// <summary>Why the read failed; null when it succeeded.</summary>
    public string? Error { get; }

    public bool IsSuccess => Error is null;

    public static SensorSample Success(params Measurement[] measurements) => new(measurements, null);

    public static SensorSample Success(IReadOnlyList<Measurement> measurements) => new(measurements, null);

    public static SensorSample Failure(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new SensorSample([], error);
    }
}
