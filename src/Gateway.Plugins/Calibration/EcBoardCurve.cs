namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// The analog EC/TDS board's response (DFRobot Gravity TDS type, domain reference §3.5): the output voltage is first
/// compensated to 25 °C, Vc = V / (1 + 0.02 (T − 25)), then EC25 = k × (133.42 Vc³ − 255.86 Vc² + 857.39 Vc) µS/cm,
/// where k is the probe's cell constant relative to the board's nominal one. A calibration finds k.
/// </summary>
public static class EcBoardCurve
{
    /// <summary>Conductivity change per °C relative to 25 °C (2 %/°C, natural waters and KCl standards).</summary>
    public const double TemperatureCoefficient = 0.02;

    /// <summary>Above this output the board leaves its 0-1000 ppm range (about 2,200 µS/cm); readings are flagged.</summary>
    public const double MaxVolts = 2.3;

    /// <summary>The voltage the board would give at 25 °C.</summary>
    public static double CompensatedVolts(double volts, double celsius) =>
        volts / (1 + (TemperatureCoefficient * (celsius - 25)));

    /// <summary>The board's curve: conductivity at 25 °C (µS/cm) for a compensated voltage, before the cell constant.</summary>
    public static double Microsiemens(double compensatedVolts) =>
        (133.42 * Math.Pow(compensatedVolts, 3)) - (255.86 * compensatedVolts * compensatedVolts) + (857.39 * compensatedVolts);

    /// <summary>Conductivity at 25 °C, µS/cm, for a board output at a temperature and a cell constant (never below 0).</summary>
    public static double MicrosiemensAt25(double volts, double celsius, double cellConstant) =>
        Math.Max(0, cellConstant * Microsiemens(CompensatedVolts(volts, celsius)));
}
