using SmartVillage.Gateway.Readings;

namespace SmartVillage.Gateway.Storage.Retention;

/// <summary>What one maintenance pass removed.</summary>
/// <param name="DeliveredRemoved">Readings every upstream had acknowledged, removed for the quota or the history horizon.</param>
/// <param name="Dropped">Undelivered readings given up for the quota (each range also a gap record).</param>
/// <param name="UsedBytes">Bytes the database uses after the pass.</param>
public sealed record MaintenanceResult(long DeliveredRemoved, IReadOnlyList<GapRecord> Dropped, long UsedBytes)
{
    public long DroppedCount => Dropped.Sum(g => g.Count);
}
