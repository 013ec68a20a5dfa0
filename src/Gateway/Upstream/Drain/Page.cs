using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage.Acknowledgements;

namespace SmartVillage.Gateway.Upstream.Drain;

/// <summary>
/// One message's worth of the log: consecutive readings (in ascending order), or a <see cref="Gap"/> of sequence
/// numbers the store no longer has. Either way it covers <see cref="Span"/> exactly, with no hole in it, so
/// acknowledging it never claims a reading that was not sent.
/// </summary>
public sealed record Page(SequenceSpan Span, IReadOnlyList<StoredReading> Readings)
{
    public bool IsGap => Readings.Count == 0;

    public static Page Gap(long first, long last) => new(new SequenceSpan(first, last), []);
}
