using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Analog;

/// <summary>
/// A glass pH electrode behind an analog amplifier board (PH-4502C / DFRobot style): the electrode gives
/// E = offset − slope% × 0.19841 mV/K × T × (pH − 7) (Nernst, domain reference §3.4); the board outputs
/// bias + gain × E. An aged electrode has a lower slope and a drifted offset (a worn one: about 70 %).
/// </summary>
/// <remarks>
/// A test or the gateway's simulation endpoint moves the electrode between the water and buffers while the gateway's
/// sensor task reads it, so its condition and placement change under one lock: a read never sees half a change.
/// </remarks>
public sealed class AnalogPhProbe : IAnalogProbe
{
    /// <summary>Nernst factor R·ln(10)/F in mV per kelvin.</summary>
    public const double NernstMillivoltsPerKelvin = 0.19841;

    private readonly Lock _gate = new();
    private double _slopeFraction = 0.98;
    private double _offsetMillivolts = 8;
    private double? _bufferPh;

    /// <summary>Board output at 0 mV (pH 7 on an ideal electrode), V. Default 1.65 (half of 3.3 V).</summary>
    public double BiasVolts { get; init; } = 1.65;

    /// <summary>Amplifier gain, V/V. Default 3.</summary>
    public double Gain { get; init; } = 3;

    /// <summary>Electrode slope as a fraction of Nernst. Default 0.98 (a good electrode).</summary>
    public double SlopeFraction
    {
        get { lock (_gate) { return _slopeFraction; } }
        set { lock (_gate) { _slopeFraction = value; } }
    }

    /// <summary>Electrode potential at pH 7, mV. Default +8.</summary>
    public double OffsetMillivolts
    {
        get { lock (_gate) { return _offsetMillivolts; } }
        set { lock (_gate) { _offsetMillivolts = value; } }
    }

    /// <summary>When set, the electrode sits in a buffer of this pH instead of the monitored water.</summary>
    public double? BufferPh
    {
        get { lock (_gate) { return _bufferPh; } }
        set { lock (_gate) { _bufferPh = value; } }
    }

    /// <summary>Electrode potential for <paramref name="ph"/> at <paramref name="celsius"/>, mV.</summary>
    public double ElectrodeMillivolts(double ph, double celsius)
    {
        lock (_gate)
        {
            return Millivolts(ph, celsius);
        }
    }

    public double Volts(EnvironmentConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        lock (_gate)
        {
            var millivolts = Millivolts(_bufferPh ?? conditions.WaterPh, conditions.WaterTemperatureCelsius);
            return BiasVolts + (Gain * millivolts / 1000);
        }
    }

    private double Millivolts(double ph, double celsius) =>
        _offsetMillivolts - (_slopeFraction * NernstMillivoltsPerKelvin * (celsius + 273.15) * (ph - 7));
}
