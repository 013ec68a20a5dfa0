using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Analog;

/// <summary>
/// A glass pH electrode behind an analog amplifier board (PH-4502C / DFRobot style): the electrode gives
/// E = offset − slope% × 0.19841 mV/K × T × (pH − 7) (Nernst, domain reference §3.4); the board outputs
/// bias + gain × E. An aged electrode has a lower slope and a drifted offset.
/// </summary>
public sealed class AnalogPhProbe : IAnalogProbe
{
    /// <summary>Nernst factor R·ln(10)/F in mV per kelvin.</summary>
    public const double NernstMillivoltsPerKelvin = 0.19841;

    /// <summary>Board output at 0 mV (pH 7 on an ideal electrode), V. Default 1.65 (half of 3.3 V).</summary>
    public double BiasVolts { get; init; } = 1.65;

    /// <summary>Amplifier gain, V/V. Default 3.</summary>
    public double Gain { get; init; } = 3;

    /// <summary>Electrode slope as a fraction of Nernst. Default 0.98 (a good electrode).</summary>
    public double SlopeFraction { get; set; } = 0.98;

    /// <summary>Electrode potential at pH 7, mV. Default +8.</summary>
    public double OffsetMillivolts { get; set; } = 8;

    /// <summary>When set, the electrode sits in a buffer of this pH instead of the monitored water.</summary>
    public double? BufferPh { get; set; }

    /// <summary>Electrode potential for <paramref name="ph"/> at <paramref name="celsius"/>, mV.</summary>
    public double ElectrodeMillivolts(double ph, double celsius) =>
        OffsetMillivolts - (SlopeFraction * NernstMillivoltsPerKelvin * (celsius + 273.15) * (ph - 7));

    public double Volts(EnvironmentConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var millivolts = ElectrodeMillivolts(BufferPh ?? conditions.WaterPh, conditions.WaterTemperatureCelsius);
        return BiasVolts + (Gain * millivolts / 1000);
    }
}
