namespace SmartVillage.Plugins.Abstractions.Simulation;

/// <summary>
/// Where and how a simulated device answers. The simulated kit knows two shapes, the two a field sensor usually has:
/// a probe with an analog output on an ADS1115 input, and a chip of its own on the I2C bus.
/// </summary>
public abstract class SimulatedDevice
{
    // Only the shapes below: the simulated kit must know how to place every device it is given.
    private protected SimulatedDevice()
    {
    }

    /// <summary>
    /// A probe whose output voltage is wired to an input of an ADS1115: the one at the definition's <c>Bus</c> and
    /// <c>Address</c>, input <c>Settings:Channel</c> (0-3). Probes of several sensors (built-in or not) share one ADS1115.
    /// </summary>
    /// <param name="volts">The probe's output against ground now, V; clamped to the ADC's pins (0 to VDD + 0.3 V).</param>
    public static SimulatedDevice ProbeOnAds1115(Func<double> volts) => new SimulatedAds1115Probe(volts);

    /// <summary>A chip at the definition's I2C <c>Bus</c> and <c>Address</c>, answering transfers through <paramref name="chip"/>.</summary>
    public static SimulatedDevice I2cChip(II2cChipModel chip) => new SimulatedI2cChip(chip);
}
