namespace SmartVillage.Gateway.Acquisition.LoRa;

/// <summary>
/// Our point-to-point LoRa framing. Raw LoRa has no addresses, so every frame a node sends starts with a 4-byte
/// header, big-endian: <c>[address:2][counter:2][payload...]</c>. The address (1-65535) names the node in the kit
/// file; the counter goes up by one per frame and wraps at 65536 (duplicate and replay suppression). The payload is
/// for the node's decoder (Cayenne LPP or binary). Example: <c>00 07 00 2A 03 67 01 10</c> is node 7, frame 42,
/// temperature 27.2 °C on channel 3. There is no MIC: see docs/lora-and-wireless-nodes.md, security notes.
/// </summary>
public readonly record struct P2pFrame(int Address, int Counter, ReadOnlyMemory<byte> Payload)
{
    public const int HeaderLength = 4;

    /// <returns>The frame, or null with the reason it cannot be one.</returns>
    public static P2pFrame? TryParse(ReadOnlyMemory<byte> bytes, out string? reason)
    {
        var span = bytes.Span;
        if (span.Length <= HeaderLength)
        {
            reason = $"{span.Length} bytes is too short; a frame is a 4-byte header and at least one payload byte";
            return null;
        }

        var address = (span[0] << 8) | span[1];
        if (address == 0)
        {
            reason = "address 0 is not a node address";
            return null;
        }

        reason = null;
        return new P2pFrame(address, (span[2] << 8) | span[3], bytes[HeaderLength..]);
    }

    /// <summary>Builds a frame (simulated nodes, tests, the benchmark).</summary>
    public static byte[] Build(int address, int counter, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[HeaderLength + payload.Length];
        frame[0] = (byte)(address >> 8);
        frame[1] = (byte)address;
        frame[2] = (byte)(counter >> 8);
        frame[3] = (byte)counter;
        payload.CopyTo(frame.AsSpan(HeaderLength));
        return frame;
    }
}
