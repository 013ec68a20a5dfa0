namespace SmartVillage.Plugins.Water;

/// <summary>
/// The amplifier between electrode and ADC: output = bias + gain × E. Both come from the board's schematic (or a
/// measurement with the BNC shorted, which gives the bias); a calibration absorbs small errors in either.
/// </summary>
/// <param name="BiasVolts">Output with the electrode at 0 mV. Default 1.65 V (half a 3.3 V supply).</param>
/// <param name="Gain">Voltage gain. Default 3.</param>
public sealed record PhBoard(double BiasVolts = 1.65, double Gain = 3)
{
    /// <summary>The electrode potential behind an ADC reading, mV.</summary>
    public double ElectrodeMillivolts(double adcVolts) => (adcVolts - BiasVolts) / Gain * 1000;
}
