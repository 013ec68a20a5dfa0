namespace SmartVillage.Hardware.Simulation.Devices.Sx1276;

/// <summary>
/// How a simulated field node transmits: the receiver hears a packet only when its own settings match these.
/// </summary>
/// <param name="FrequencyHz">Carrier frequency in Hz.</param>
/// <param name="SpreadingFactor">6-12.</param>
/// <param name="BandwidthHz">Signal bandwidth in Hz (125000 for most plans).</param>
/// <param name="SyncWord">0x12 private / point-to-point, 0x34 LoRaWAN.</param>
/// <param name="HasCrc">Whether the transmitter appends a payload CRC (explicit header flag CrcOnPayload).</param>
public sealed record LoRaAirSettings(long FrequencyHz, int SpreadingFactor, int BandwidthHz, byte SyncWord, bool HasCrc = true)
{
    /// <summary>A point-to-point node on the EU868 default channel: 868.1 MHz, SF7, 125 kHz, sync word 0x12.</summary>
    public static LoRaAirSettings Eu868Default { get; } = new(868_100_000, 7, 125_000, 0x12);
}
