namespace SmartVillage.Plugins.Decoders.CayenneLpp;

/// <summary>
/// One big-endian integer inside a Cayenne LPP field. Most types have one; accelerometer, gyrometer and GPS have three.
/// </summary>
/// <param name="Axis">Sub-name for multi-value types (<c>x</c>, <c>latitude</c>); null for single-value types.</param>
/// <param name="Size">Bytes, 1 to 4.</param>
/// <param name="Signed">Two's complement when true.</param>
/// <param name="Scale">Multiplier from the raw integer to <paramref name="Unit"/> (already includes any unit conversion).</param>
/// <param name="Unit">SenML unit of the result; empty for dimensionless values such as digital inputs.</param>
internal readonly record struct CayenneLppComponent(string? Axis, int Size, bool Signed, double Scale, string Unit);
