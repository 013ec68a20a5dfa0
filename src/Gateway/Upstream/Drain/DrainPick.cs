using SmartVillage.Gateway.Storage.Acknowledgements;

namespace SmartVillage.Gateway.Upstream.Drain;

/// <summary>
/// Unsent sequence numbers to send from next, and from which end: the message takes up to one page of them starting
/// at <see cref="SequenceSpan.First"/> (ascending) or ending at <see cref="SequenceSpan.Last"/> (descending).
/// </summary>
public readonly record struct DrainPick(SequenceSpan Span, bool Ascending, bool Live);
