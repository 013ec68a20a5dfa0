namespace SmartVillage.Plugins.Calibration;

/// <summary>Conductivity standards sold for field calibration (KCl solutions, labelled at 25 °C), µS/cm.</summary>
public static class EcStandards
{
    /// <summary>84 µS/cm: low range (rain and soft water).</summary>
    public const double Low = 84;

    /// <summary>1413 µS/cm: the usual single-point standard (= 707 ppm at k = 0.5; DFRobot, Hanna).</summary>
    public const double Common = 1413;

    /// <summary>12.88 mS/cm: high range; beyond the analog TDS board's range, for probes that reach it.</summary>
    public const double High = 12880;

    public static IReadOnlyList<double> All { get; } = [Low, Common, High];
}
