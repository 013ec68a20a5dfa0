namespace SmartVillage.Hardware.Simulation.Devices.Sx1276;

/// <summary>What the simulated radio did with a packet put on the air.</summary>
public enum DeliveryOutcome
{
    /// <summary>Written to the FIFO and flagged RxDone (with PayloadCrcError when corrupted).</summary>
    Received,

    /// <summary>Missed: the radio was not in RXCONTINUOUS LoRa mode (sleeping, standby, FSK, held in reset).</summary>
    MissedNotListening,

    /// <summary>Missed: carrier outside the receiver's bandwidth/4 tolerance.</summary>
    MissedFrequency,

    /// <summary>Missed: spreading factor or bandwidth differ (the demodulator never locks).</summary>
    MissedModulation,

    /// <summary>Missed: the sync word differs (the header is discarded).</summary>
    MissedSyncWord,
}
