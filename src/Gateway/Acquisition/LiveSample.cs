using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition;

/// <summary>One read of one sensor as it was stored: every measurement, with raw values and flags, and when.</summary>
public sealed record LiveSample(string SensorId, IReadOnlyList<Measurement> Measurements, DateTimeOffset At)
{
    /// <summary>The measurement of <paramref name="quantity"/>, or null.</summary>
    public Measurement? Find(string quantity) =>
        Measurements.Where(m => string.Equals(m.Quantity, quantity, StringComparison.Ordinal)).Select(m => (Measurement?)m).FirstOrDefault();
}
