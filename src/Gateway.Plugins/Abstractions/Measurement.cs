namespace SmartVillage.Plugins.Abstractions;

/// <summary>One value of one quantity from one read of a sensor.</summary>
/// <param name="Quantity">Short, SenML-name-safe name of what was measured: <c>temperature</c>, <c>soil-vwc</c>.</param>
/// <param name="Unit">SenML unit symbol (RFC 8428 / RFC 8798): <c>Cel</c>, <c>%RH</c>, <c>Pa</c>, <c>/</c>.</param>
/// <param name="Value">The value in <paramref name="Unit"/>.</param>
/// <param name="Quality">Flags; <see cref="ReadingQuality.Good"/> when nothing is known to be wrong.</param>
public readonly record struct Measurement(string Quantity, string Unit, double Value, ReadingQuality Quality = ReadingQuality.Good);
