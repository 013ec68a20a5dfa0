using SmartVillage.Plugins.Sensirion;

namespace SmartVillage.Plugins.Tests.Sensirion;

public sealed class SensirionCrcTests
{
    /// <summary>SHT3x/SHT4x datasheets, checksum calculation: CRC(0xBEEF) = 0x92.</summary>
    [Fact]
    public void The_crc_of_0xBEEF_is_0x92() => Assert.Equal(0x92, SensirionCrc.Of(0xBE, 0xEF));

    [Fact]
    public void A_frame_whose_words_all_check_has_no_bad_word() =>
        Assert.Null(SensirionCrc.FirstBadWord([0xBE, 0xEF, 0x92, 0xBE, 0xEF, 0x92]));

    [Fact]
    public void The_first_word_with_a_wrong_crc_is_named() =>
        Assert.Equal(1, SensirionCrc.FirstBadWord([0xBE, 0xEF, 0x92, 0xBE, 0xEF, 0x93]));

    [Fact]
    public void A_frame_cut_short_is_bad_at_its_end() =>
        Assert.Equal(1, SensirionCrc.FirstBadWord([0xBE, 0xEF, 0x92, 0xBE]));

    [Fact]
    public void An_empty_frame_is_bad() => Assert.Equal(0, SensirionCrc.FirstBadWord([]));
}
