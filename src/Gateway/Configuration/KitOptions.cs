using SmartVillage.Gateway.Acquisition.LoRa;
using SmartVillage.Gateway.Acquisition.NetworkServer;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Acquisition.WifiNodes;
using SmartVillage.Gateway.Upstream.Mqtt;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Configuration;

/// <summary>The kit file: what is wired where, and where readings go. Section <c>Kit</c>.</summary>
public sealed class KitOptions
{
    public const string Section = "Kit";

    /// <summary>A name for people: shown in status.</summary>
    public string Name { get; set; } = "";

    /// <summary>Real or simulated buses. Field kits should say <c>RaspberryPi</c> so a missing bus is an error, not a demo.</summary>
    public HardwareMode Hardware { get; set; } = HardwareMode.RaspberryPi;

    /// <summary>Environment the simulated devices follow (<c>clear-day</c>, <c>dry-spell</c>, <c>storm</c>).</summary>
    public string Scenario { get; set; } = "clear-day";

    public List<SensorDefinition> Sensors { get; set; } = [];

    /// <summary>The gateway's own LoRa receiver (SX1276 / RFM95W). Null (absent): no radio.</summary>
    public RadioOptions? Radio { get; set; }

    /// <summary>Field nodes: LoRa P2P, LoRaWAN devices behind a network server, Wi-Fi nodes. Default none.</summary>
    public List<NodeOptions> Nodes { get; set; } = [];

    /// <summary>A LoRaWAN network server's MQTT integration to take uplinks from. Null (absent): none.</summary>
    public NetworkServerOptions? NetworkServer { get; set; }

    /// <summary>The embedded MQTT broker for Wi-Fi nodes. Null (absent) or not enabled: no port is opened.</summary>
    public WifiBrokerOptions? WifiBroker { get; set; }

    /// <summary>MQTT brokers to forward to. None: readings are kept locally only.</summary>
    public List<MqttUpstreamOptions> Upstreams { get; set; } = [];
}
