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

    /// <summary>MQTT brokers to forward to. None: readings are kept locally only.</summary>
    public List<MqttUpstreamOptions> Upstreams { get; set; } = [];
}
