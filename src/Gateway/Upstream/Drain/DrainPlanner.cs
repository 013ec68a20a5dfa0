using SmartVillage.Gateway.Storage.Acknowledgements;

namespace SmartVillage.Gateway.Upstream.Drain;

/// <summary>
/// Decides what one upstream sends next. Readings committed since the connection came up are <em>live</em> and go
/// first, oldest first, as they arrive; everything older that is neither acknowledged nor in flight is the
/// <em>backlog</em>, sent in the configured <see cref="DrainOrder"/> with whatever the window and budget leave.
/// </summary>
/// <remarks>
/// Why live first: after a long outage on a paid link the backlog may take hours at its budget, and a farmer's
/// platform must not go blind for those hours. Live readings are few (one commit's worth per message) so they take a
/// small share; the backlog gets the rest. If the budget is below the rate readings are taken, live readings still
/// flow and the backlog waits, which the backlog figure in status shows.
/// </remarks>
public sealed class DrainPlanner(DrainOrder order)
{
    private long _liveAfter;

    public DrainOrder Order { get; } = order;

    /// <summary>A connection came up: what is committed now is backlog, what comes after is live.</summary>
    public void Connected(long lastCommitted) => _liveAfter = lastCommitted;

    /// <param name="covered">Sequence numbers acknowledged or in flight: never picked.</param>
    /// <param name="lastCommitted">The highest sequence number committed: nothing above it is picked.</param>
    /// <returns>The next span to send from, or null when everything committed is covered.</returns>
    public DrainPick? Next(SequenceSet covered, long lastCommitted)
    {
        ArgumentNullException.ThrowIfNull(covered);
        if (lastCommitted > _liveAfter && covered.LowestMissing(_liveAfter + 1, lastCommitted) is { } live)
        {
            return new DrainPick(live, Ascending: true, Live: true);
        }

        var top = Math.Min(_liveAfter, lastCommitted);
        if (top < 1)
        {
            return null;
        }

        var backlog = Order == DrainOrder.NewestFirst ? covered.HighestMissing(1, top) : covered.LowestMissing(1, top);
        return backlog is { } span ? new DrainPick(span, Ascending: Order == DrainOrder.OldestFirst, Live: false) : null;
    }
}
