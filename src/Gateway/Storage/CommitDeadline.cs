namespace SmartVillage.Gateway.Storage;

/// <summary>How soon a producer's readings must be committed (accepted).</summary>
public enum CommitDeadline
{
    /// <summary>
    /// Within <see cref="StorageOptions.CommitInterval"/>: readings that exist nowhere else until committed (the kit's
    /// sensors, frames heard by the LoRa radio). This interval is the power-loss window.
    /// </summary>
    Interval,

    /// <summary>
    /// Within <see cref="StorageOptions.AcknowledgedCommitInterval"/> (never later than the commit interval): readings
    /// whose sender keeps them until the gateway acknowledges their commit (a Wi-Fi node awaiting its PUBACK, a
    /// network server's broker awaiting the uplink's). A power cut loses none of them; only their acknowledgement waits.
    /// </summary>
    SenderAwaitsAcknowledgement,
}
