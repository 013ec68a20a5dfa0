namespace SmartVillage.Plugins.Modbus;

/// <summary>
/// CRC-16/MODBUS (Modbus over Serial Line V1.02 §6.2.2): initial 0xFFFF, reflected polynomial 0xA001, appended to the
/// frame low byte first. <c>01 03 00 00 00 01</c> gives 0x0A84, sent as <c>84 0A</c>.
/// </summary>
public static class ModbusCrc
{
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }

    /// <summary>True when the last two bytes of <paramref name="frame"/> are the CRC of the rest.</summary>
    public static bool IsValid(ReadOnlySpan<byte> frame) =>
        frame.Length >= 4 && Compute(frame[..^2]) == (frame[^2] | (frame[^1] << 8));
}
