namespace SmartVillage.Gateway.Storage.Recovery;

/// <summary>What was recovered from a damaged database, and what was lost.</summary>
/// <param name="QuarantinedPath">Where the damaged file now is.</param>
/// <param name="ReadingsRecovered">Readings copied into the fresh database.</param>
/// <param name="LostRanges">Sequence ranges that could not be read (recorded as gaps with reason <c>corruption</c>).</param>
public sealed record SalvageReport(string QuarantinedPath, long ReadingsRecovered, IReadOnlyList<(long First, long Last)> LostRanges)
{
    public long ReadingsLost => LostRanges.Sum(r => r.Last - r.First + 1);
}
