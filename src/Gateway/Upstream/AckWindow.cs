namespace SmartVillage.Gateway.Upstream;

/// <summary>
/// The messages in flight to one upstream, in the order they were sent. PUBACKs may come back in any order
/// within the window, but the cursor may only move over a contiguous acknowledged prefix: everything at or below
/// <see cref="AckedPrefix"/> has been acknowledged, so a restart resends from just above it and loses nothing.
/// </summary>
public sealed class AckWindow(long ackedPrefix)
{
    private readonly LinkedList<Entry> _inFlight = new();

    public long AckedPrefix { get; private set; } = ackedPrefix;

    public int Count => _inFlight.Count;

    /// <summary>Records a message carrying sequence numbers <paramref name="first"/> to <paramref name="last"/>.</summary>
    public void Sent(long first, long last)
    {
        var expected = (_inFlight.Last?.Value.Last ?? AckedPrefix) + 1;
        if (first != expected || last < first)
        {
            // A hole here would let the cursor skip readings that were never sent.
            throw new InvalidOperationException($"Message {first}-{last} does not follow {expected - 1}: messages must cover the log without gaps.");
        }

        _inFlight.AddLast(new Entry(first, last));
    }

    /// <summary>Marks a message acknowledged. Returns true when the acknowledged prefix moved.</summary>
    public bool Acknowledged(long first)
    {
        for (var node = _inFlight.First; node is not null; node = node.Next)
        {
            if (node.Value.First == first)
            {
                node.Value.Acked = true;
                break;
            }
        }

        var moved = false;
        while (_inFlight.First is { Value.Acked: true } head)
        {
            AckedPrefix = head.Value.Last;
            _inFlight.RemoveFirst();
            moved = true;
        }

        return moved;
    }

    private sealed class Entry(long first, long last)
    {
        public long First { get; } = first;

        public long Last { get; } = last;

        public bool Acked { get; set; }
    }
}
