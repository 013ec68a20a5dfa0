namespace SmartVillage.Hardware.Simulation.Devices.Sensirion;

/// <summary>
/// Words as Sensirion humidity sensors send them: most significant byte, least significant byte, then CRC-8
/// (polynomial 0x31, initial 0xFF; datasheet example: 0xBEEF gives 0x92). Written from the datasheet independently
/// of the gateway's checker, so the drivers' CRC checks meet a second implementation.
/// </summary>
public static class SensirionFrame
{
    private static readonly byte[] s_table = BuildTable();

    /// <summary>CRC-8 of one word.</summary>
    public static byte Crc(ushort word) => s_table[s_table[0xFF ^ (word >> 8)] ^ (word & 0xFF)];

    /// <summary>The 3-byte groups for <paramref name="words"/>.</summary>
    public static byte[] Of(params ushort[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var frame = new byte[words.Length * 3];
        for (var i = 0; i < words.Length; i++)
        {
            frame[i * 3] = (byte)(words[i] >> 8);
            frame[(i * 3) + 1] = (byte)words[i];
            frame[(i * 3) + 2] = Crc(words[i]);
        }

        return frame;
    }

    /// <summary>Sensor code for a temperature: T = −45 + 175 · S / 65535 (SHT3x and SHT4x).</summary>
    public static ushort TemperatureCode(double celsius) => Code((celsius + 45) / 175);

    /// <summary>A fraction of full scale as a 16-bit code, rounded and clamped.</summary>
    public static ushort Code(double fraction) => (ushort)Math.Clamp(Math.Round(fraction * 65535), 0, 65535);

    // Table of the CRC register after shifting one byte through it (MSB first, polynomial 0x31).
    private static byte[] BuildTable()
    {
        var table = new byte[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (byte)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (byte)((crc & 0x80) != 0 ? (crc << 1) ^ 0x31 : crc << 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
