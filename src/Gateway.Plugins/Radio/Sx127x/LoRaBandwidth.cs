namespace SmartVillage.Plugins.Radio.Sx127x;

/// <summary>LoRa signal bandwidth; the value is the RegModemConfig1 Bw field (bits 7:4).</summary>
public enum LoRaBandwidth
{
    Hz7800 = 0,
    Hz10400 = 1,
    Hz15600 = 2,
    Hz20800 = 3,
    Hz31250 = 4,
    Hz41700 = 5,
    Hz62500 = 6,

    /// <summary>125 kHz: every uplink data rate of the EU868, IN865 and AS923 plans but DR6.</summary>
    Hz125000 = 7,
    Hz250000 = 8,
    Hz500000 = 9,
}

/// <summary>Conversions for <see cref="LoRaBandwidth"/>.</summary>
public static class LoRaBandwidthExtensions
{
    private static readonly int[] Hertz = [7_800, 10_400, 15_600, 20_800, 31_250, 41_700, 62_500, 125_000, 250_000, 500_000];

    public static int ToHertz(this LoRaBandwidth bandwidth) =>
        (int)bandwidth is >= 0 and < 10 ? Hertz[(int)bandwidth] : throw new ArgumentOutOfRangeException(nameof(bandwidth));
}
