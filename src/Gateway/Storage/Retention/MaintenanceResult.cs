using SmartVillage.Gateway.Readings;

namespace SmartVillage.Gateway.Storage.Retention;

/// <summary>What one maintenance pass did.</summary>
/// <param name="DeliveredRemoved">Readings every upstream had acknowledged, removed for the quota or the history horizon.</param>
/// <param name="Dropped">Undelivered readings given up for the quota (each range also a gap record).</param>
/// <param name="UsedBytes">Bytes the database uses after the pass.</param>
public sealed record MaintenanceResult(long DeliveredRemoved, IReadOnlyList<GapRecord> Dropped, long UsedBytes)
{
    public long DroppedCount => Dropped.Sum(g => g.Count);

    /// <summary>Rollup rows the routine pass created or updated (completed hours).</summary>
    public long RollupRowsWritten { get; init; }

    /// <summary>Rollup rows removed: past <see cref="StorageOptions.RollupHistory"/>, or for the quota (last resort).</summary>
    public long RollupRowsRemoved { get; init; }

    /// <summary>Completed hours are left to roll up (a large backlog is rolled up over several passes).</summary>
    public bool RollupBehind { get; init; }

    /// <summary>Every reading at or below this sequence number is in the hourly rollups.</summary>
    public long RollupWatermark { get; init; }
}
