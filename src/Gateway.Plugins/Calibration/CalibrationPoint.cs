namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// Any kind's calibration point in one shape, for people and APIs: the reference (the bottle's label), what the probe
/// gave in it, the temperature then, and when it was taken (null in records made before times were kept).
/// </summary>
/// <param name="Reference">Buffer pH, or standard conductivity in µS/cm at 25 °C.</param>
/// <param name="Raw">The probe's raw value in <paramref name="RawUnit"/>.</param>
/// <param name="RawUnit"><c>mV</c> for a pH electrode, <c>V</c> for an EC board.</param>
/// <param name="TemperatureCelsius">Temperature of the solution when the point was taken.</param>
/// <param name="At">When the point was taken.</param>
public sealed record CalibrationPoint(double Reference, double Raw, string RawUnit, double TemperatureCelsius, DateTimeOffset? At);
