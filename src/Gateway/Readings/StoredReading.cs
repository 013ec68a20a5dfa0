using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Readings;

/// <summary>
/// An accepted reading: committed to the log. <see cref="Sequence"/> increases by exactly one per accepted reading,
/// is never reused and survives restarts; with the gateway id it is the reading's stable id upstream.
/// </summary>
public sealed record StoredReading(
    long Sequence,
    string SensorId,
    string Quantity,
    string Unit,
    double Value,
    ReadingQuality Quality,
    DateTimeOffset Time)
{
    /// <summary>What the sensor reported before calibration; null when none applies.</summary>
    public double? RawValue { get; init; }

    /// <summary>Unit of <see cref="RawValue"/>.</summary>
    public string? RawUnit { get; init; }

    /// <summary>The calibration record that produced <see cref="Value"/>.</summary>
    public string? CalibrationId { get; init; }
}
