namespace SmartVillage.Gateway.Storage;

/// <summary>What the reading database says about this gateway when it is opened.</summary>
/// <param name="GatewayId">The gateway's id: configured, or generated once and kept in the database.</param>
/// <param name="LastSequence">The highest sequence number ever given (0 for a new database).</param>
/// <param name="BootRow">This boot's row in <c>boots</c>, stored with every reading.</param>
public sealed record StoreState(string GatewayId, long LastSequence, long BootRow)
{
    /// <summary>What went wrong with the store that people must know about (shown in status and sent upstream).</summary>
    public IReadOnlyList<string> Alarms { get; init; } = [];
}
