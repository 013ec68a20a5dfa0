using System.Collections.Concurrent;
using SmartVillage.Plugins.Decoders;

namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>
/// Every field node the gateway has configured or heard: who it is, how its payload is decoded, when it was last
/// heard and how well, and what was dropped from it and why. Thread-safe.
/// </summary>
/// <remarks>
/// Nodes from the kit file are registered at start. A LoRaWAN device that is not in the kit file is registered the
/// first time its network server forwards an uplink (the network server has already authenticated it); its id is its
/// device EUI. Frames on the gateway's own radio from an unknown address are never registered: anyone can transmit.
/// </remarks>
public sealed class NodeRegistry
{
    private readonly ConcurrentDictionary<string, NodeState> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, NodeOptions> _byAddress = [];
    private readonly Dictionary<string, NodeOptions> _byDevEui = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IPayloadDecoder> _decoders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _batteryQuantities = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public NodeRegistry(IEnumerable<NodeOptions> nodes, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        _time = time;
        foreach (var node in nodes)
        {
            _decoders[node.Id] = NodeDecoders.Create(node);
            if (node.BatteryQuantity is { Length: > 0 } battery)
            {
                _batteryQuantities[node.Id] = battery;
            }

            var source = node.Address is not null ? "lora" : node.DevEui is not null ? "network-server" : "wifi";
            _nodes[node.Id] = new NodeState(node.Id, node.Name, source, node.Decoder, node.ReportInterval);
            if (node.Address is { } address)
            {
                _byAddress[address] = node;
            }

            if (node.DevEui is { } eui)
            {
                _byDevEui[eui] = node;
            }
        }
    }

    /// <summary>The node configured with this P2P address, or null.</summary>
    public NodeOptions? FindByAddress(int address) => _byAddress.GetValueOrDefault(address);

    /// <summary>The kit's node id for a device EUI: the configured node, else the EUI in lower-case hex.</summary>
    public string IdForDevEui(string devEui) =>
        _byDevEui.TryGetValue(devEui, out var node) ? node.Id : devEui.ToLowerInvariant();

    /// <summary>The decoder configured for the node, or null for a node registered on the fly.</summary>
    public IPayloadDecoder? DecoderFor(string nodeId) => _decoders.GetValueOrDefault(nodeId);

    /// <summary>The decoded quantity that is this node's battery, when the kit names one.</summary>
    public string? BatteryQuantityFor(string nodeId) => _batteryQuantities.GetValueOrDefault(nodeId);

    public bool IsKnown(string nodeId) => _nodes.ContainsKey(nodeId);

    /// <summary>
    /// Nodes tracked at most. Nodes registered on the fly (LoRaWAN devices not in the kit file) stop being added at
    /// this bound, so a misconfigured network server forwarding a whole region cannot grow the gateway's memory.
    /// </summary>
    public const int MaxNodes = 2000;

    /// <summary>True when the node is tracked or there is still room to track it.</summary>
    public bool CanTrack(string nodeId) => _nodes.ContainsKey(nodeId) || _nodes.Count < MaxNodes;

    /// <summary>Duplicate and replay suppression: see <see cref="FrameVerdict"/>.</summary>
    public FrameVerdict CheckCounter(string nodeId, string source, FrameCounter? counter) =>
        Get(nodeId, source).CheckCounter(counter, out _);

    /// <summary>As <see cref="CheckCounter(string, string, FrameCounter?)"/>, also giving the counter it replaced.</summary>
    public FrameVerdict CheckCounter(string nodeId, string source, FrameCounter? counter, out long? previous) =>
        Get(nodeId, source).CheckCounter(counter, out previous);

    /// <summary>Undoes a counter check for a frame that was not stored, so its redelivery is accepted.</summary>
    public void ForgetCounter(string nodeId, string source, long value, long? previous) =>
        Get(nodeId, source).ForgetCounter(value, previous);

    /// <summary>Records a stored frame: last seen, link quality, battery (when the frame carried one).</summary>
    public void Accepted(string nodeId, string source, DateTimeOffset at, double? rssi, double? snr, int readings, (double, string)? battery) =>
        Get(nodeId, source).Accepted(at, rssi, snr, readings, battery);

    /// <summary>Counts a rejected frame with its reason; returns the node's rejection count.</summary>
    public long Rejected(string nodeId, string source, string reason) => Get(nodeId, source).Rejected(reason, _time.GetUtcNow());

    public IReadOnlyList<NodeSnapshot> Snapshot()
    {
        var now = _time.GetUtcNow();
        return _nodes.Values.Select(n => n.Snapshot(now)).OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
    }

    public NodeSnapshot? Find(string nodeId) => _nodes.TryGetValue(nodeId, out var node) ? node.Snapshot(_time.GetUtcNow()) : null;

    private NodeState Get(string nodeId, string source) =>
        _nodes.GetOrAdd(nodeId, id => new NodeState(id, "", source, null, null));
}
