namespace SmartVillage.Plugins.Calibration;

/// <summary>The ideal glass-electrode response (domain reference §3.4): 59.16 mV per pH unit at 25 °C, ∝ absolute temperature.</summary>
public static class Nernst
{
    /// <summary>R·ln(10)/F, mV per pH per kelvin.</summary>
    public const double MillivoltsPerPhPerKelvin = 0.19841;

    public const double KelvinAtZeroCelsius = 273.15;

    /// <summary>Theoretical slope magnitude at <paramref name="celsius"/>, mV/pH (59.16 at 25 °C, 54.2 at 0 °C).</summary>
    public static double SlopeMillivoltsPerPh(double celsius) => MillivoltsPerPhPerKelvin * (celsius + KelvinAtZeroCelsius);
}
