using SmartVillage.Plugins.Modbus;

namespace SmartVillage.Plugins.Tests.Modbus;

public sealed class ModbusCrcTests
{
    /// <summary>The frame quoted in probe manuals and Modbus tutorials: read one holding register of unit 1.</summary>
    [Fact]
    public void Reading_one_register_of_unit_1_is_the_documented_frame_ending_84_0a()
    {
        Assert.Equal([0x01, 0x03, 0x00, 0x00, 0x00, 0x01, 0x84, 0x0A], ModbusRtuMaster.RequestFrame(1, 0x03, 0, 1));
    }

    /// <summary>JXBS-3001 / ComWinTop 7-in-1 manuals: "01 03 00 00 00 07 04 08" reads all seven values.</summary>
    [Fact]
    public void Reading_seven_registers_is_the_documented_frame_ending_04_08()
    {
        Assert.Equal([0x01, 0x03, 0x00, 0x00, 0x00, 0x07, 0x04, 0x08], ModbusRtuMaster.RequestFrame(1, 0x03, 0, 7));
    }

    [Fact]
    public void A_frame_with_one_flipped_bit_fails_the_check()
    {
        byte[] frame = [0x01, 0x03, 0x00, 0x00, 0x00, 0x01, 0x84, 0x0A];
        Assert.True(ModbusCrc.IsValid(frame));

        frame[3] ^= 0x01;

        Assert.False(ModbusCrc.IsValid(frame));
    }
}
