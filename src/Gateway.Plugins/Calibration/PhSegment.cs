namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// One straight piece of a pH electrode's response: E = offset − slope × Nernst(T) × (pH − 7). A one- or two-point
/// calibration has one segment used on both sides of 7; a three-point calibration has an acid and an alkaline one.
/// </summary>
/// <param name="OffsetMillivolts">Potential at pH 7, mV (ideal 0).</param>
/// <param name="SlopePercent">Slope as a percentage of the Nernst slope at the same temperature (ideal 100).</param>
public sealed record PhSegment(double OffsetMillivolts, double SlopePercent)
{
    /// <summary>An ideal electrode: used, and flagged, when a sensor has no calibration.</summary>
    public static PhSegment Ideal { get; } = new(0, 100);

    /// <summary>pH for <paramref name="millivolts"/> at <paramref name="celsius"/>, with the slope scaled to that temperature.</summary>
    public double Ph(double millivolts, double celsius) =>
        7 - ((millivolts - OffsetMillivolts) / (SlopePercent / 100 * Nernst.SlopeMillivoltsPerPh(celsius)));
}
