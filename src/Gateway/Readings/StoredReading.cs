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
    DateTimeOffset Time);
