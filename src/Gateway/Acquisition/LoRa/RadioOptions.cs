using SmartVillage.Plugins.Radio.Sx127x;

namespace SmartVillage.Gateway.Acquisition.LoRa;

/// <summary>
/// The gateway's own SX1276 / RFM95W receiver. Kit file: section <c>Kit:Radio</c>; absent means no radio.
/// Defaults match an arduino-LoRa point-to-point node in the EU, wired as in src/Gateway.Plugins/Radio/Sx127x/README.md.
/// </summary>
public sealed class RadioOptions
{
    /// <summary>EU868 (default), US915, IN865, AS923 or Custom (then <see cref="FrequencyHz"/> is required).</summary>
    public LoRaFrequencyPlan Plan { get; set; } = LoRaFrequencyPlan.EU868;

    /// <summary>Receive frequency in Hz within the plan's band; null = the plan's default channel.</summary>
    public long? FrequencyHz { get; set; }

    /// <summary>6-12. Default 7.</summary>
    public int SpreadingFactor { get; set; } = 7;

    /// <summary>Default Hz125000.</summary>
    public LoRaBandwidth Bandwidth { get; set; } = LoRaBandwidth.Hz125000;

    /// <summary>FourFifths (default) to FourEighths.</summary>
    public LoRaCodingRate CodingRate { get; set; } = LoRaCodingRate.FourFifths;

    /// <summary>0x12 private / point-to-point (default); 0x34 is LoRaWAN's, which P2P nodes should not use. "0x12" or 18.</summary>
    public int SyncWord { get; set; } = 0x12;

    /// <summary>SPI bus. Default 0 (<c>/dev/spidev0.x</c>).</summary>
    public int SpiBus { get; set; }

    /// <summary>Chip select. Default 0 (CE0).</summary>
    public int ChipSelect { get; set; }

    /// <summary>SPI clock in Hz. Default 1 MHz (the chip allows 10 MHz; long jumper wires do not).</summary>
    public int SpiClockHz { get; set; } = 1_000_000;

    /// <summary>BCM GPIO wired to RESET; -1 = not wired. Default -1.</summary>
    public int ResetPin { get; set; } = -1;

    /// <summary>BCM GPIO wired to DIO0 (RxDone); -1 = not wired, the chip is polled. Default -1.</summary>
    public int Dio0Pin { get; set; } = -1;

    /// <summary>Only used when the kit runs on simulated hardware.</summary>
    public SimulatedRadioOptions Simulation { get; set; } = new();

    public Sx1276Options ToSx1276Options() => new()
    {
        Plan = Plan,
        FrequencyHz = FrequencyHz,
        SpreadingFactor = SpreadingFactor,
        Bandwidth = Bandwidth,
        CodingRate = CodingRate,
        SyncWord = (byte)SyncWord,
        ResetPin = ResetPin,
        Dio0Pin = Dio0Pin,
    };
}
