using System.Buffers.Binary;

namespace SmartVillage.Hardware.Simulation.Devices.Bme280;

/// <summary>
/// The trimming parameters a BME280 carries in its NVM (datasheet §4.2.2, Table 16), and how they are laid out
/// in the register file.
/// </summary>
public sealed record Bme280Calibration(
    ushort DigT1, short DigT2, short DigT3,
    ushort DigP1, short DigP2, short DigP3, short DigP4, short DigP5, short DigP6, short DigP7, short DigP8, short DigP9,
    byte DigH1, short DigH2, byte DigH3, short DigH4, short DigH5, sbyte DigH6)
{
    /// <summary>
    /// Temperature and pressure trims of the worked example (BMP280 datasheet §3.12, the same formulas as the
    /// BME280), with humidity trims typical of production parts. dig_H4 and dig_H5 stay positive and under
    /// 2048 so every reader decodes their 12-bit packing the same way.
    /// </summary>
    public static Bme280Calibration DatasheetExample { get; } = new(
        27504, 26435, -1000,
        36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000,
        75, 362, 0, 313, 50, 30);

    /// <summary>
    /// Writes the parameters where the chip keeps them: 0x88-0x9F little-endian words, dig_H1 at 0xA1, and
    /// 0xE1-0xE7 with dig_H4/dig_H5 as 12-bit values sharing 0xE5 (H4 = E4[7:0]:E5[3:0], H5 = E6[7:0]:E5[7:4]).
    /// </summary>
    public void WriteTo(Span<byte> registers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(registers.Length, 256, nameof(registers));
        ReadOnlySpan<int> words = [DigT1, DigT2, DigT3, DigP1, DigP2, DigP3, DigP4, DigP5, DigP6, DigP7, DigP8, DigP9];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(registers[(Bme280Registers.CalibrationLow + (2 * i))..], (ushort)words[i]);
        }

        registers[Bme280Registers.DigH1] = DigH1;
        var high = registers[Bme280Registers.CalibrationHigh..];
        BinaryPrimitives.WriteInt16LittleEndian(high, DigH2);
        high[2] = DigH3;
        high[3] = (byte)((DigH4 >> 4) & 0xFF);
        high[4] = (byte)(((DigH5 & 0x0F) << 4) | (DigH4 & 0x0F));
        high[5] = (byte)((DigH5 >> 4) & 0xFF);
        high[6] = unchecked((byte)DigH6);
    }
}
