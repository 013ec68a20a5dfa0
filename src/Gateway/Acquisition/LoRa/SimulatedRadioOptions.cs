namespace SmartVillage.Gateway.Acquisition.LoRa;

/// <summary>
/// How the simulated radio and its simulated field nodes behave (demo and tests). Kit file: <c>Kit:Radio:Simulation</c>.
/// Ignored on real hardware.
/// </summary>
public sealed class SimulatedRadioOptions
{
    /// <summary>What the simulated chip's RegVersion reads. Default 0x12 (genuine); anything else simulates a wrong or absent chip.</summary>
    public int Version { get; set; } = 0x12;

    /// <summary>
    /// Each kit node with an <c>Address</c> and the <c>cayenne-lpp</c> decoder is simulated as a field node that sends
    /// temperature, humidity and battery this often, following the kit's scenario. Default 30 s.
    /// </summary>
    public TimeSpan NodeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Every Nth simulated frame arrives with a CRC error (to show the counter). 0 (default) = never.</summary>
    public int CrcErrorEvery { get; set; }
}
