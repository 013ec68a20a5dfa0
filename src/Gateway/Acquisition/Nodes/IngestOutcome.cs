namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>What became of a node frame handed to <see cref="NodeIngestor"/>.</summary>
public enum IngestOutcome
{
    /// <summary>Its readings are committed.</summary>
    Stored,

    /// <summary>Dropped by the frame counter (duplicate or replay); counted on the node.</summary>
    Suppressed,

    /// <summary>Rejected (no values, a non-finite value, too many nodes); counted on the node with the reason.</summary>
    Rejected,

    /// <summary>The store could not commit; the readings were not stored (the sender may retry).</summary>
    NotStored,
}
