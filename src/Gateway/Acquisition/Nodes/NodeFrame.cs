using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>
/// One decoded uplink from a node, from whichever path it came (own radio, network server, Wi-Fi broker).
/// </summary>
/// <param name="NodeId">The kit's node id: the sensor id of the readings.</param>
/// <param name="Source"><c>lora</c>, <c>network-server</c> or <c>wifi</c>.</param>
/// <param name="Measurements">What the frame carried.</param>
/// <param name="Time">When it was measured or received: the message's own timestamp when it has one, else receipt.</param>
/// <param name="TimeFromMessage">True when <paramref name="Time"/> came from the message (a network server's clock).</param>
/// <param name="Counter">Frame counter, when the path has one.</param>
/// <param name="RssiDbm">Received signal strength, when known.</param>
/// <param name="SnrDb">Signal-to-noise ratio, when known.</param>
public sealed record NodeFrame(
    string NodeId,
    string Source,
    IReadOnlyList<Measurement> Measurements,
    DateTimeOffset Time,
    bool TimeFromMessage,
    FrameCounter? Counter = null,
    double? RssiDbm = null,
    double? SnrDb = null);
