using SmartVillage.Gateway.Upstream.Drain;

namespace SmartVillage.Gateway.Upstream.Mqtt;

/// <summary>One MQTT broker the gateway forwards readings to. Kit file: an entry of <c>Kit:Upstreams</c>.</summary>
public sealed class MqttUpstreamOptions
{
    /// <summary>Short name, unique in the kit; names this upstream's cursor, so renaming it re-sends everything.</summary>
    public string Name { get; set; } = "";

    /// <summary>Broker host name or address. Required.</summary>
    public string Host { get; set; } = "";

    /// <summary>Broker port. Default 1883, or 8883 when <see cref="Tls"/> is on.</summary>
    public int? Port { get; set; }

    /// <summary>TLS with the system's certificate checks (or <see cref="CaCertificateFile"/>). Default off.</summary>
    public bool Tls { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate, for a cooperative's own CA. Optional.</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>
    /// Check the broker certificate's revocation status. Default true. A private CA without a CRL, on a link with no
    /// route to one, needs false: the chain and host name are still checked.
    /// </summary>
    public bool CheckCertificateRevocation { get; set; } = true;

    public string? Username { get; set; }

    /// <summary>Never logged or shown in status. Prefer the environment: <c>Kit__Upstreams__0__Password</c>.</summary>
    public string? Password { get; set; }

    /// <summary>MQTT client id. Default <c>&lt;gateway id&gt;-&lt;name&gt;</c>: stable, so the broker keeps the session.</summary>
    public string? ClientId { get; set; }

    /// <summary>Topics start with this. Default <c>smartvillage</c>; readings go to <c>&lt;prefix&gt;/&lt;gateway id&gt;/senml</c>.</summary>
    public string TopicPrefix { get; set; } = "smartvillage";

    /// <summary>Readings packed into one SenML message. Default 50.</summary>
    public int MaxReadingsPerMessage { get; set; } = 50;

    /// <summary>Messages published and not yet acknowledged (PUBACK) at once. Bounds duplicates after a reconnect. Default 10.</summary>
    public int MaxInFlight { get; set; } = 10;

    /// <summary>MQTT keep-alive. Default 30 s.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the broker keeps this gateway's session while it is away. Default 1 day.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>First reconnect delay (before full jitter). Default 1 s.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on the reconnect delay. Default 5 min.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A connect or publish that takes longer than this fails and the connection is rebuilt. Default 30 s.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After a start with an untrusted clock (a Pi without RTC before NTP), wait this long for the clock to be trusted
    /// before forwarding, so readings go out with their corrected times. Default 10 min; zero to forward at once.
    /// </summary>
    public TimeSpan HoldWhileClockUntrusted { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Readings per second this upstream may send, backlog included; 0 = no limit (default). For paid links: a long
    /// outage then drains at this pace instead of all at once.
    /// </summary>
    public double MaxReadingsPerSecond { get; set; }

    /// <summary>Payload bytes per second this upstream may send; 0 = no limit (default). Cellular data is paid by the megabyte.</summary>
    public double MaxBytesPerSecond { get; set; }

    /// <summary>
    /// Which end of a backlog goes first after an outage: <see cref="DrainOrder.OldestFirst"/> (default) or
    /// <see cref="DrainOrder.NewestFirst"/>. Either way, readings taken while connected go ahead of the backlog.
    /// </summary>
    public DrainOrder DrainOrder { get; set; } = DrainOrder.OldestFirst;

    public int EffectivePort => Port ?? (Tls ? 8883 : 1883);
}
