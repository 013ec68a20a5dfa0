namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>
/// A node's frame counter as received, with its width. Counters wrap (a 16-bit P2P counter at one frame a minute
/// wraps after 45 days), so "newer" is decided with serial-number arithmetic (RFC 1982): a forward distance of less
/// than half the range is newer, anything else is older.
/// </summary>
/// <param name="Value">The counter in the frame.</param>
/// <param name="Bits">16 for our P2P framing, 32 for LoRaWAN FCnt.</param>
public readonly record struct FrameCounter(long Value, int Bits)
{
    /// <summary>
    /// Counters below this, arriving after a higher one, are taken as a node restart rather than a replay. A node
    /// that reboots starts again at 0; a few of its first frames may be lost, hence a small window rather than 0 only.
    /// </summary>
    public const long RestartWindow = 8;

    public FrameVerdict Compare(long last)
    {
        var range = 1L << Bits;
        var forward = ((Value - last) % range + range) % range;
        if (forward == 0)
        {
            return FrameVerdict.Duplicate;
        }

        if (forward < range / 2)
        {
            return FrameVerdict.New;
        }

        return Value < RestartWindow ? FrameVerdict.Restart : FrameVerdict.Replay;
    }
}
