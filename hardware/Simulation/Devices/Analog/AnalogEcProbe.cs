using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Analog;

/// <summary>
/// A DFRobot-style analog TDS/EC board: the inverse of its published curve EC25 = k·(133.42·Vc³ − 255.86·Vc² + 857.39·Vc)
/// (µS/cm), where Vc = V / (1 + 0.02 (T − 25)) is the temperature-compensated voltage (domain reference §3.5) and k
/// the probe's <see cref="CellConstant"/>. The output stops at the 3.3 V supply, as the board's does.
/// </summary>
/// <remarks>Placement and condition change under one lock (see <see cref="AnalogPhProbe"/>).</remarks>
public sealed class AnalogEcProbe : IAnalogProbe
{
    private const double SupplyVolts = 3.3;
    private readonly Lock _gate = new();
    private double? _standard;
    private double _cellConstant = 1;

    /// <summary>When set, the probe sits in a standard of this conductivity at 25 °C (1413 µS/cm) instead of the water.</summary>
    public double? StandardMicrosiemensAt25
    {
        get { lock (_gate) { return _standard; } }
        set { lock (_gate) { _standard = value; } }
    }

    /// <summary>
    /// The probe's cell constant relative to the board's nominal one: a probe at 1.1 gives the board 10 % less signal
    /// than the curve expects, so an uncalibrated sensor reads 10 % low. Default 1.
    /// </summary>
    public double CellConstant
    {
        get { lock (_gate) { return _cellConstant; } }
        set { lock (_gate) { _cellConstant = value; } }
    }

    /// <summary>The board's curve: conductivity at 25 °C, µS/cm, for a compensated voltage.</summary>
    public static double CurveMicrosiemens(double compensatedVolts) =>
        (133.42 * Math.Pow(compensatedVolts, 3)) - (255.86 * compensatedVolts * compensatedVolts) + (857.39 * compensatedVolts);

    public double Volts(EnvironmentConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var factor = 1 + (0.02 * (conditions.WaterTemperatureCelsius - 25));
        double at25, constant;
        lock (_gate)
        {
            at25 = _standard ?? conditions.WaterConductivityMicrosiemensPerCentimetre / factor;
            constant = _cellConstant;
        }

        // The cubic rises monotonically (its derivative has no real root), so bisection finds the one voltage.
        var signal = at25 / constant;
        double low = 0, high = SupplyVolts;
        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            (CurveMicrosiemens(mid) < signal ? ref low : ref high) = mid;
        }

        return Math.Min((low + high) / 2 * factor, SupplyVolts);
    }
}
