namespace SmartVillage.Plugins.Decoders;

/// <summary>
/// Turns one uplink payload from a field node into measurements.
/// </summary>
/// <remarks>
/// <para>
/// Implementations are <b>total</b>: every byte string, including an empty one, gives a <see cref="DecodeResult"/>.
/// Radio frames are corrupted, truncated and sent by firmware we did not write; a bad frame is an expected failure,
/// so it comes back as <see cref="DecodeResult.Reject"/> and never as an exception that could stop the receive loop.
/// An exception escaping <see cref="Decode"/> is a bug in the decoder.
/// </para>
/// <para>
/// Implementations are immutable after construction and safe to call from several threads at once:
/// one decoder instance serves every node configured with it.
/// </para>
/// </remarks>
public interface IPayloadDecoder
{
    DecodeResult Decode(ReadOnlySpan<byte> payload);
}
