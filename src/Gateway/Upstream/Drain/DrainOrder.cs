namespace SmartVillage.Gateway.Upstream.Drain;

/// <summary>Which end of a backlog an upstream sends first. Live readings go ahead of the backlog either way.</summary>
public enum DrainOrder
{
    /// <summary>The oldest unsent reading first: the consumer sees history fill in the order it happened.</summary>
    OldestFirst,

    /// <summary>The newest unsent reading first: after an outage the consumer sees the present at once, then history backwards.</summary>
    NewestFirst,
}
