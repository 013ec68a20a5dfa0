namespace SmartVillage.Gateway.Acquisition.LoRa;

/// <summary>What status shows about the radio. Written by <see cref="LoRaRadioService"/> only.</summary>
public sealed class RadioStatus
{
    private long _unknownAddress;
    private long _malformed;

    public RadioState State { get; set; } = RadioState.Absent;

    public string? Error { get; set; }

    public long? FrequencyHz { get; set; }

    /// <summary>Packets with a valid CRC, CRC errors and queue drops, as the driver counts them.</summary>
    public Func<(long Received, long CrcErrors, long OverflowDrops)> Counters { get; set; } = () => (0, 0, 0);

    /// <summary>Frames from an address no kit node has: a neighbour's network, or a node missing from the kit file.</summary>
    public long UnknownAddressFrames => Interlocked.Read(ref _unknownAddress);

    /// <summary>Packets too short for our header.</summary>
    public long MalformedFrames => Interlocked.Read(ref _malformed);

    public int? LastUnknownAddress { get; set; }

    public void CountUnknownAddress(int address)
    {
        LastUnknownAddress = address;
        Interlocked.Increment(ref _unknownAddress);
    }

    public void CountMalformed() => Interlocked.Increment(ref _malformed);
}
