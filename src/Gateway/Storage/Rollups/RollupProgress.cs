namespace SmartVillage.Gateway.Storage.Rollups;

/// <summary>What one routine rollup pass did.</summary>
/// <param name="RowsWritten">Rollup rows created or updated.</param>
/// <param name="Behind">The pass ran out of time with completed hours left to roll up.</param>
internal sealed record RollupProgress(long RowsWritten, bool Behind);
