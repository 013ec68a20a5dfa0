namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>How a node looks from the gateway.</summary>
public enum NodeHealthState
{
    /// <summary>Nothing accepted from it since the gateway started.</summary>
    NeverSeen,

    /// <summary>Heard within its expected report interval (or it has none).</summary>
    Ok,

    /// <summary>Nothing accepted for more than twice its report interval: battery, antenna, or the node is gone.</summary>
    Silent,
}
