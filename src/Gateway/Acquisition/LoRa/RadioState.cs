namespace SmartVillage.Gateway.Acquisition.LoRa;

/// <summary>Health of the gateway's own LoRa receiver.</summary>
public enum RadioState
{
    /// <summary>The kit has no <c>Radio</c> section.</summary>
    Absent,

    /// <summary>Resetting, checking the chip and configuring it.</summary>
    Starting,

    /// <summary>In continuous receive.</summary>
    Receiving,

    /// <summary>Stopped: the chip was not found, or the bus failed. The rest of the gateway runs on; see the error.</summary>
    Failed,
}
