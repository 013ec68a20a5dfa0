namespace SmartVillage.Gateway.Acquisition.NetworkServer;

/// <summary>
/// A LoRaWAN network server whose MQTT application integration the gateway subscribes to. Kit file: section
/// <c>Kit:NetworkServer</c>; absent means none. The gateway does not implement the LoRaWAN MAC: the network server has
/// already checked each frame's MIC and counter and joined its devices.
/// </summary>
public sealed class NetworkServerOptions
{
    public NetworkServerKind Kind { get; set; } = NetworkServerKind.ChirpStackV4;

    /// <summary>The network server's MQTT broker. Required.</summary>
    public string Host { get; set; } = "";

    /// <summary>Default 1883, or 8883 with <see cref="Tls"/>.</summary>
    public int? Port { get; set; }

    /// <summary>TLS with the system's certificate checks (or <see cref="CaCertificateFile"/>). Default off.</summary>
    public bool Tls { get; set; }

    /// <summary>PEM file of the CA of the broker's certificate. Optional.</summary>
    public string? CaCertificateFile { get; set; }

    public string? Username { get; set; }

    /// <summary>Never logged or shown in status. Prefer the environment: <c>Kit__NetworkServer__Password</c>.</summary>
    public string? Password { get; set; }

    /// <summary>MQTT client id; stable so the broker keeps the persistent session. Default <c>&lt;gateway id&gt;-uplinks</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// Topic filter. Default by <see cref="Kind"/>: <c>application/+/device/+/event/up</c> (ChirpStack v4 and v3, whose
    /// default event topic template is the same), <c>v3/+/devices/+/up</c> (TTN). Narrow it to one application in production.
    /// </summary>
    public string? Topic { get; set; }

    /// <summary>
    /// <c>object</c> (default): use the network server's decoded object when the uplink has one, else decode the raw
    /// payload with the node's decoder. <c>data</c>: always decode the raw payload ourselves.
    /// </summary>
    public string Payload { get; set; } = "object";

    /// <summary>Decoder for raw payloads of devices not in the kit file: <c>cayenne-lpp</c> (default).</summary>
    public string DefaultDecoder { get; set; } = "cayenne-lpp";

    /// <summary>Store uplinks of devices not listed in <c>Kit:Nodes</c> (id = device EUI). Default true.</summary>
    public bool AcceptUnknownDevices { get; set; } = true;

    /// <summary>First reconnect delay (before full jitter). Default 1 s.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on the reconnect delay. Default 5 min.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the broker keeps our session (and queues uplinks) while we are away. Default 1 day.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    public int EffectivePort => Port ?? (Tls ? 8883 : 1883);

    public string EffectiveTopic => Topic ?? Kind switch
    {
        NetworkServerKind.TheThingsStackV3 => "v3/+/devices/+/up",
        _ => "application/+/device/+/event/up",
    };
}
