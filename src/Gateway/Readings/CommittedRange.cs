namespace SmartVillage.Gateway.Readings;

/// <summary>The sequence numbers given to a group of readings when their transaction committed.</summary>
public readonly record struct CommittedRange(long First, long Last)
{
    public long Count => Last - First + 1;
}
