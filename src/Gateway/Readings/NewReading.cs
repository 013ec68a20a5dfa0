using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Readings;

/// <summary>A reading handed to the store, before it has a sequence number.</summary>
/// <param name="SensorId">The kit file's sensor id.</param>
/// <param name="Quantity">What was measured (SenML-name-safe).</param>
/// <param name="Unit">SenML unit symbol.</param>
/// <param name="Value">The value in <paramref name="Unit"/>.</param>
/// <param name="Quality">Quality flags.</param>
/// <param name="Time">Wall-clock time of the read.</param>
/// <param name="MonotonicMilliseconds">Monotonic clock at the read (survives wall-clock jumps; re-bases time later).</param>
public sealed record NewReading(
    string SensorId,
    string Quantity,
    string Unit,
    double Value,
    ReadingQuality Quality,
    DateTimeOffset Time,
    long MonotonicMilliseconds)
{
    /// <summary>What the sensor reported before calibration (e.g. electrode mV); null when none applies.</summary>
    public double? RawValue { get; init; }

    /// <summary>Unit of <see cref="RawValue"/>.</summary>
    public string? RawUnit { get; init; }

    /// <summary>The calibration record that produced <see cref="Value"/> from <see cref="RawValue"/>.</summary>
    public string? CalibrationId { get; init; }
}
