namespace SmartVillage.Plugins.Abstractions.Simulation;

/// <summary>A probe with an analog output on an ADS1115 input; made by <see cref="SimulatedDevice.ProbeOnAds1115"/>.</summary>
public sealed class SimulatedAds1115Probe : SimulatedDevice
{
    internal SimulatedAds1115Probe(Func<double> volts)
    {
        ArgumentNullException.ThrowIfNull(volts);
        Volts = volts;
    }

    /// <summary>The probe's output voltage now, V.</summary>
    public Func<double> Volts { get; }
}
