using SmartVillage.Hardware.Simulation.Devices.Sensirion;

namespace SmartVillage.Hardware.Simulation.Tests.Devices;

public sealed class SensirionFrameTests
{
    /// <summary>SHT3x and SHT4x datasheets, checksum calculation example.</summary>
    [Fact]
    public void The_crc_of_0xBEEF_is_0x92() => Assert.Equal(0x92, SensirionFrame.Crc(0xBEEF));

    [Fact]
    public void A_frame_is_each_word_most_significant_byte_first_then_its_crc()
    {
        Assert.Equal([0xBE, 0xEF, 0x92, 0x00, 0x00, 0x81], SensirionFrame.Of(0xBEEF, 0x0000));
    }

    /// <summary>T = −45 + 175 · S / 65535: 25 °C is 0x6666 (26214), −45 °C is 0, 130 °C is clipped at 0xFFFF.</summary>
    [Theory]
    [InlineData(25.0, 0x6666)]
    [InlineData(-45.0, 0x0000)]
    [InlineData(130.0, 0xFFFF)]
    public void Temperature_codes_follow_the_datasheet_formula(double celsius, int code) =>
        Assert.Equal(code, SensirionFrame.TemperatureCode(celsius));
}
