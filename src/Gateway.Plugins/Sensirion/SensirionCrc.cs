namespace SmartVillage.Plugins.Sensirion;

/// <summary>
/// The CRC-8 Sensirion humidity sensors put after every 16-bit word they send (SHT3x and SHT4x datasheets,
/// "Checksum Calculation"): polynomial 0x31 (x⁸ + x⁵ + x⁴ + 1), initial value 0xFF, no reflection, no final XOR.
/// Datasheet example: CRC(0xBEEF) = 0x92.
/// </summary>
public static class SensirionCrc
{
    private const byte Polynomial = 0x31;
    private const byte Initial = 0xFF;

    /// <summary>The CRC of one word sent most significant byte first.</summary>
    public static byte Of(byte msb, byte lsb)
    {
        var crc = Initial;
        foreach (var value in (ReadOnlySpan<byte>)[msb, lsb])
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ Polynomial) : (byte)(crc << 1);
            }
        }

        return crc;
    }

    /// <summary>
    /// Index of the first word of <paramref name="frame"/> (groups of MSB, LSB, CRC) whose CRC does not match;
    /// null when every word checks. A frame that is not a whole number of words counts as bad at its end.
    /// </summary>
    public static int? FirstBadWord(ReadOnlySpan<byte> frame)
    {
        var words = frame.Length / 3;
        for (var word = 0; word < words; word++)
        {
            var at = word * 3;
            if (Of(frame[at], frame[at + 1]) != frame[at + 2])
            {
                return word;
            }
        }

        return frame.Length % 3 == 0 && words > 0 ? null : words;
    }
}
