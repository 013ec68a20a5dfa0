using System.Text.Json;

namespace SmartVillage.Gateway.Acquisition.NetworkServer;

/// <summary>The fields of one network-server uplink that the gateway uses, whichever server sent it.</summary>
/// <param name="DevEui">Device EUI, 16 lower-case hex digits.</param>
/// <param name="Time">When the network server received it; null when the message carries no time.</param>
/// <param name="FrameCounter">LoRaWAN FCnt; TTN omits it when 0.</param>
/// <param name="RawPayload">The FRMPayload bytes; null when absent.</param>
/// <param name="Decoded">The server's codec output; null when the device profile has no codec.</param>
/// <param name="RssiDbm">Best RSSI over the gateways that heard it.</param>
/// <param name="SnrDb">SNR at that gateway.</param>
public sealed record NetworkUplink(
    string DevEui,
    DateTimeOffset? Time,
    long? FrameCounter,
    byte[]? RawPayload,
    JsonElement? Decoded,
    double? RssiDbm,
    double? SnrDb);
