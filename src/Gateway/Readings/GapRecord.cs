namespace SmartVillage.Gateway.Readings;

/// <summary>
/// Sequence numbers that were given to readings the gateway no longer has, and why: <c>quota</c> (dropped by the
/// storage policy, oldest undelivered first), <c>corruption</c> (unreadable after a damaged database), or
/// <c>unknown</c>. Sent upstream so a consumer can tell loss by policy from loss by fault.
/// </summary>
public sealed record GapRecord(long First, long Last, string Reason)
{
    public long Count => Last - First + 1;
}
