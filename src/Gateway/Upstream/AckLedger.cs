using SmartVillage.Gateway.Storage.Acknowledgements;

namespace SmartVillage.Gateway.Upstream;

/// <summary>
/// What one upstream has had acknowledged (PUBACK) and what it has in flight on the current connection. PUBACKs may
/// come back in any order; each adds exactly its message's span to <see cref="Acknowledged"/>, so the record is exact
/// whatever the drain order. A lost connection forgets what was in flight: it is sent again.
/// </summary>
public sealed class AckLedger
{
    private readonly SequenceSet _acknowledged;
    private readonly List<SequenceSpan> _inFlight = [];
    private SequenceSet _covered;

    public AckLedger(SequenceSet acknowledged)
    {
        ArgumentNullException.ThrowIfNull(acknowledged);
        _acknowledged = acknowledged.Clone();
        _covered = acknowledged.Clone();
    }

    public SequenceSet Acked => _acknowledged;

    /// <summary>Acknowledged or in flight: nothing here needs sending on this connection.</summary>
    public SequenceSet Covered => _covered;

    public int InFlight => _inFlight.Count;

    public void Sent(SequenceSpan span)
    {
        if (_covered.Overlaps(span))
        {
            // Sending it again on the same connection would only make a duplicate; the planner must never ask for it.
            throw new InvalidOperationException($"Readings {span} are already acknowledged or in flight ({_covered}).");
        }

        _covered.Add(span);
        _inFlight.Add(span);
    }

    public void Acknowledged(SequenceSpan span)
    {
        if (!_inFlight.Remove(span))
        {
            throw new InvalidOperationException($"An acknowledgement for {span}, which is not in flight.");
        }

        _acknowledged.Add(span);
    }

    /// <summary>The connection is gone: nothing is in flight any more, and what was must be sent again.</summary>
    public void ConnectionLost()
    {
        _inFlight.Clear();
        _covered = _acknowledged.Clone();
    }
}
