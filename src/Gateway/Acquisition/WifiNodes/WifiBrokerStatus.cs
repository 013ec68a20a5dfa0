namespace SmartVillage.Gateway.Acquisition.WifiNodes;

/// <summary>What status shows about the embedded broker. Never holds credentials.</summary>
public sealed class WifiBrokerStatus
{
    private long _refused;
    private long _messages;

    public bool Listening { get; set; }

    public string? Endpoint { get; set; }

    public string? Error { get; set; }

    /// <summary>Connections refused for a wrong username or password (security telemetry).</summary>
    public long RefusedLogins => Interlocked.Read(ref _refused);

    public string? LastRefusedUsername { get; set; }

    public string? LastRefusedFrom { get; set; }

    public long MessagesReceived => Interlocked.Read(ref _messages);

    public void CountRefused(string username, string? from)
    {
        LastRefusedUsername = username;
        LastRefusedFrom = from;
        Interlocked.Increment(ref _refused);
    }

    public void CountMessage() => Interlocked.Increment(ref _messages);
}
