namespace SmartVillage.Gateway.Acquisition.WifiNodes;

/// <summary>
/// The embedded MQTT broker that local Wi-Fi nodes (ESP32, ESPHome, Tasmota) publish to. Kit file: section
/// <c>Kit:WifiBroker</c>. Off unless <see cref="Enabled"/>; it then listens only on <see cref="ListenAddress"/>.
/// </summary>
public sealed class WifiBrokerOptions
{
    /// <summary>Default false: no port is opened.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The address to listen on: the gateway's address on the nodes' Wi-Fi (e.g. <c>192.168.4.1</c>), never a wildcard
    /// unless meant (<c>0.0.0.0</c> would also expose the broker on the uplink side). Required when enabled.
    /// </summary>
    public string ListenAddress { get; set; } = "";

    /// <summary>Default 1883.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Nodes allowed to connect, each with its own credentials and topic.</summary>
    public List<WifiNodeOptions> Nodes { get; set; } = [];
}
