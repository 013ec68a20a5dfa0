namespace SmartVillage.Gateway.Upstream;

/// <summary>What one upstream is doing, for status and the dashboard. Written by its loop only.</summary>
public sealed class UpstreamStatus(string name, string endpoint)
{
    public string Name { get; } = name;

    /// <summary>host:port (never credentials).</summary>
    public string Endpoint { get; } = endpoint;

    public bool Connected { get; internal set; }

    public DateTimeOffset? ConnectedSince { get; internal set; }

    public DateTimeOffset? LastDisconnectAt { get; internal set; }

    public string? LastError { get; internal set; }

    /// <summary>Every reading at or below this sequence number has been acknowledged by the broker.</summary>
    public long AckedSequence { get; internal set; }

    public long MessagesAcknowledged { get; internal set; }

    public long ConnectAttempts { get; internal set; }
}
