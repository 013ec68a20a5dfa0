namespace SmartVillage.Plugins.Radio.Sx127x;

/// <summary>A LoRa packet that passed its CRC.</summary>
/// <param name="Payload">The bytes as sent by the node (1-255).</param>
/// <param name="RssiDbm">Packet signal strength in dBm, corrected for the radio's port and for negative SNR.</param>
/// <param name="SnrDb">Signal-to-noise ratio in dB, in 0.25 dB steps; negative below the noise floor.</param>
/// <param name="ReceivedAt">When the driver read the packet from the radio.</param>
#pragma warning disable CA1819 // The payload is handed over once and owned by the receiver; a copy per access would be waste.
public sealed record LoRaPacket(byte[] Payload, double RssiDbm, double SnrDb, DateTimeOffset ReceivedAt);
#pragma warning restore CA1819
