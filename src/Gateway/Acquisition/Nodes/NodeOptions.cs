using SmartVillage.Plugins.Decoders.Binary;
using SmartVillage.Plugins.Decoders.CayenneLpp;

namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>
/// A field node the gateway knows: a LoRa point-to-point node, a LoRaWAN device behind a network server, or a Wi-Fi
/// node on the embedded broker. Kit file: an entry of <c>Kit:Nodes</c>. Its readings are stored under <see cref="Id"/>.
/// </summary>
public sealed class NodeOptions
{
    /// <summary>Short unique id; the sensor id of every reading from this node. Required.</summary>
    public string Id { get; set; } = "";

    /// <summary>A name for people ("plot 7 soil probe"). Default empty.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// LoRa point-to-point address (1-65535) carried in the first two bytes of every frame (see
    /// docs/lora-and-wireless-nodes.md). Null: this node does not talk to the gateway's own radio.
    /// </summary>
    public int? Address { get; set; }

    /// <summary>LoRaWAN device EUI (16 hex digits) whose network-server uplinks belong to this node. Optional.</summary>
    public string? DevEui { get; set; }

    /// <summary><c>cayenne-lpp</c> (default) or <c>binary</c>: how this node's raw payload bytes are decoded.</summary>
    public string Decoder { get; set; } = NodeDecoders.CayenneLpp;

    /// <summary>Cayenne LPP extended types this node's firmware uses. Optional; defaults as in CayenneLppOptions.</summary>
    public CayenneLppOptions? Lpp { get; set; }

    /// <summary>The payload layout; required when <see cref="Decoder"/> is <c>binary</c>.</summary>
    public BinaryDecoderOptions? Binary { get; set; }

    /// <summary>
    /// The decoded quantity that is the node's battery (e.g. <c>voltage_3</c>), shown in status. Default null: the
    /// first quantity whose name starts with <c>battery</c> or <c>bat_</c>.
    /// </summary>
    public string? BatteryQuantity { get; set; }

    /// <summary>
    /// The node reports at least this often. When nothing arrives for twice this long, its health is <c>Silent</c>.
    /// Null (default): the node is never called silent (event-driven nodes).
    /// </summary>
    public TimeSpan? ReportInterval { get; set; }
}
