using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Decoders;

/// <summary>
/// The outcome of decoding one payload: either the measurements it carries, or the reason it was rejected.
/// </summary>
/// <remarks>
/// A rejection is all-or-nothing on purpose. In a self-describing format such as Cayenne LPP a fault early in the
/// frame makes everything after it unreadable, and a half-decoded frame stored as if it were complete would hide the
/// fault. The reason names the byte offset and the field so an operator can match it to the node's firmware.
/// </remarks>
public sealed class DecodeResult
{
    private DecodeResult(IReadOnlyList<Measurement> measurements, string? rejection)
    {
        Measurements = measurements;
        Rejection = rejection;
    }

    /// <summary>The decoded measurements; empty when rejected.</summary>
    public IReadOnlyList<Measurement> Measurements { get; }

    /// <summary>Why the payload was rejected (what and where); null on success.</summary>
    public string? Rejection { get; }

    public bool IsSuccess => Rejection is null;

    public static DecodeResult Success(IReadOnlyList<Measurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        return new DecodeResult(measurements, null);
    }

    public static DecodeResult Reject(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new DecodeResult([], reason);
    }

    public override string ToString() =>
        IsSuccess ? $"Success ({Measurements.Count} measurements)" : $"Rejected: {Rejection}";
}
