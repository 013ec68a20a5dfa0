namespace SmartVillage.Gateway.Acquisition.WifiNodes;

/// <summary>One Wi-Fi node allowed on the embedded broker. Kit file: an entry of <c>Kit:WifiBroker:Nodes</c>.</summary>
public sealed class WifiNodeOptions
{
    /// <summary>The kit node (<c>Kit:Nodes</c> id) whose readings this is. Required.</summary>
    public string Node { get; set; } = "";

    /// <summary>MQTT username of the device; unique. Required.</summary>
    public string Username { get; set; } = "";

    /// <summary>
    /// MQTT password, at least 12 characters, unique per device. Hashed (PBKDF2) at start and the plain text dropped
    /// from the options; never logged or shown. Prefer the environment: <c>Kit__WifiBroker__Nodes__0__Password</c>.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>Topic filter the node publishes to (MQTT wildcards allowed), e.g. <c>tele/pump-1/SENSOR</c>. Required.</summary>
    public string Topic { get; set; } = "";

    /// <summary>Json (default), Senml, Esphome or Tasmota.</summary>
    public WifiPayloadFormat Format { get; set; } = WifiPayloadFormat.Json;
}
