using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Analog;

/// <summary>
/// A DFRobot-style analog TDS/EC board: the inverse of its published curve EC25 = 133.42·Vc³ − 255.86·Vc² + 857.39·Vc
/// (µS/cm), where Vc = V / (1 + 0.02 (T − 25)) is the temperature-compensated voltage (domain reference §3.5).
/// </summary>
public sealed class AnalogEcProbe : IAnalogProbe
{
    /// <summary>When set, the probe sits in a standard of this conductivity at 25 °C (1413 µS/cm) instead of the water.</summary>
    public double? StandardMicrosiemensAt25 { get; set; }

    /// <summary>The board's curve: conductivity at 25 °C, µS/cm, for a compensated voltage.</summary>
    public static double CurveMicrosiemens(double compensatedVolts) =>
        (133.42 * Math.Pow(compensatedVolts, 3)) - (255.86 * compensatedVolts * compensatedVolts) + (857.39 * compensatedVolts);

    public double Volts(EnvironmentConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var factor = 1 + (0.02 * (conditions.WaterTemperatureCelsius - 25));
        var at25 = StandardMicrosiemensAt25 ?? conditions.WaterConductivityMicrosiemensPerCentimetre / factor;

        // The cubic rises monotonically (its derivative has no real root), so bisection finds the one voltage.
        double low = 0, high = 3.3;
        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            (CurveMicrosiemens(mid) < at25 ? ref low : ref high) = mid;
        }

        return (low + high) / 2 * factor;
    }
}
