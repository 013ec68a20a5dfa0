using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition;

/// <summary>The most recent stored value of one quantity of one sensor.</summary>
public sealed record LatestValue(string Quantity, string Unit, double Value, ReadingQuality Quality, DateTimeOffset Time, long Sequence);
