namespace SmartVillage.Gateway.Acquisition.NetworkServer;

/// <summary>What status shows about the network-server subscription. Never holds credentials.</summary>
public sealed class NetworkServerStatus
{
    private long _received;
    private long _rejected;

    public string? Endpoint { get; set; }

    public string? Topic { get; set; }

    public bool Connected { get; set; }

    public string? LastError { get; set; }

    public long UplinksReceived => Interlocked.Read(ref _received);

    /// <summary>Messages that were not uplinks we could read (malformed JSON, no device EUI, undecodable payload).</summary>
    public long UplinksRejected => Interlocked.Read(ref _rejected);

    public string? LastRejection { get; set; }

    public void CountReceived() => Interlocked.Increment(ref _received);

    public void CountRejected(string reason)
    {
        LastRejection = reason;
        Interlocked.Increment(ref _rejected);
    }
}
