using SmartVillage.Gateway.Storage.Acknowledgements;
using SmartVillage.Gateway.Upstream.Drain;

namespace SmartVillage.Gateway.Upstream;

/// <summary>What one upstream is doing, for status and the dashboard. Written by its loop only.</summary>
public sealed class UpstreamStatus(string name, string endpoint, DrainOrder drainOrder = DrainOrder.OldestFirst)
{
    private IReadOnlyList<SequenceSpan> _acknowledgedAbove = [];

    public string Name { get; } = name;

    /// <summary>host:port (never credentials).</summary>
    public string Endpoint { get; } = endpoint;

    public DrainOrder DrainOrder { get; } = drainOrder;

    public bool Connected { get; internal set; }

    public DateTimeOffset? ConnectedSince { get; internal set; }

    public DateTimeOffset? LastDisconnectAt { get; internal set; }

    public string? LastError { get; internal set; }

    /// <summary>Every reading at or below this sequence number has been acknowledged by the broker.</summary>
    public long AckedSequence { get; private set; }

    /// <summary>Spans acknowledged above <see cref="AckedSequence"/> (live readings sent ahead of a backlog, a newest-first drain).</summary>
    public IReadOnlyList<SequenceSpan> AcknowledgedAbove => Volatile.Read(ref _acknowledgedAbove);

    public long MessagesAcknowledged { get; internal set; }

    public long ConnectAttempts { get; internal set; }

    /// <summary>Readings up to <paramref name="lastSequence"/> not yet acknowledged by this upstream.</summary>
    public long Backlog(long lastSequence)
    {
        var above = AcknowledgedAbove;
        var acked = Math.Min(AckedSequence, lastSequence) + above.Where(s => s.First <= lastSequence).Sum(s => Math.Min(s.Last, lastSequence) - s.First + 1);
        return Math.Max(0, lastSequence - acked);
    }

    internal void Acknowledged(SequenceSet acknowledged)
    {
        // The spans first, then the prefix: a reader between the two sees slightly too much backlog, never too little.
        Volatile.Write(ref _acknowledgedAbove, [.. acknowledged.Spans.Where(s => s.First > 1)]);
        AckedSequence = acknowledged.Prefix;
    }
}
