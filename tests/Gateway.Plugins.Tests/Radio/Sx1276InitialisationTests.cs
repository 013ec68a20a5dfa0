using SmartVillage.Plugins.Radio.Sx127x;

namespace SmartVillage.Plugins.Tests.Radio;

public sealed class Sx1276InitialisationTests
{
    [Theory] // Domain notes §2.4, frequency table.
    [InlineData(433_175_000, 0x6C4B33)]
    [InlineData(865_062_500, 0xD84400)]
    [InlineData(865_402_500, 0xD859C2)]
    [InlineData(865_985_000, 0xD87F0A)]
    [InlineData(868_100_000, 0xD90666)]
    [InlineData(868_300_000, 0xD91333)]
    [InlineData(868_500_000, 0xD92000)]
    [InlineData(869_525_000, 0xD96199)]
    [InlineData(903_900_000, 0xE1F999)]
    [InlineData(915_000_000, 0xE4C000)]
    [InlineData(923_200_000, 0xE6CCCC)]
    public void Frf_matches_the_domain_table(long frequencyHz, int expectedFrf) =>
        Assert.Equal((uint)expectedFrf, Sx1276.FrequencyToFrf(frequencyHz));

    [Fact]
    public async Task Starting_leaves_the_chip_listening_in_lora_rx_continuous()
    {
        using var bench = new RadioBench();

        await bench.StartAsync();

        Assert.Equal(0x85, bench.Chip.PeekRegister(0x01));
    }

    [Theory]
    [InlineData(LoRaFrequencyPlan.EU868, 0xD9, 0x06, 0x66)]
    [InlineData(LoRaFrequencyPlan.IN865, 0xD8, 0x44, 0x00)]
    [InlineData(LoRaFrequencyPlan.US915, 0xE4, 0xC0, 0x00)]
    [InlineData(LoRaFrequencyPlan.AS923, 0xE6, 0xCC, 0xCC)]
    public async Task Starting_tunes_the_chip_to_the_default_channel_of_the_plan(LoRaFrequencyPlan plan, int msb, int mid, int lsb)
    {
        using var bench = new RadioBench(new Sx1276Options { Plan = plan });

        await bench.StartAsync();

        Assert.Equal([(byte)msb, (byte)mid, (byte)lsb], [bench.Chip.PeekRegister(0x06), bench.Chip.PeekRegister(0x07), bench.Chip.PeekRegister(0x08)]);
    }

    [Fact]
    public async Task Starting_with_defaults_writes_sf7_125khz_4_5_crc_on_agc_on_and_the_private_sync_word()
    {
        using var bench = new RadioBench();

        await bench.StartAsync();

        Assert.Equal(0x72, bench.Chip.PeekRegister(0x1D)); // BW 125 kHz, CR 4/5, explicit header
        Assert.Equal(0x74, bench.Chip.PeekRegister(0x1E)); // SF7, RxPayloadCrcOn
        Assert.Equal(0x04, bench.Chip.PeekRegister(0x26)); // AgcAutoOn, no LDRO
        Assert.Equal(0x12, bench.Chip.PeekRegister(0x39));
        Assert.Equal(0x00, bench.Chip.PeekRegister(0x40)); // DIO0 = RxDone
    }

    [Fact]
    public async Task Sf12_at_125khz_turns_on_low_data_rate_optimisation()
    {
        using var bench = new RadioBench(new Sx1276Options { SpreadingFactor = 12, CodingRate = LoRaCodingRate.FourEighths });

        await bench.StartAsync();

        Assert.Equal(0x78, bench.Chip.PeekRegister(0x1D)); // BW 125 kHz, CR 4/8
        Assert.Equal(0xC4, bench.Chip.PeekRegister(0x1E));
        Assert.Equal(0x0C, bench.Chip.PeekRegister(0x26)); // symbol 32.8 ms > 16 ms: LDRO + AGC
    }

    [Fact]
    public async Task The_lorawan_sync_word_is_written_when_configured()
    {
        using var bench = new RadioBench(new Sx1276Options { SyncWord = 0x34 });

        await bench.StartAsync();

        Assert.Equal(0x34, bench.Chip.PeekRegister(0x39));
    }

    [Fact]
    public async Task Starting_pulses_reset_low_for_ten_milliseconds()
    {
        using var bench = new RadioBench();

        await bench.StartAsync();

        Assert.Equal(1, bench.Chip.ResetCount);
        Assert.Equal(TimeSpan.FromMilliseconds(10), bench.Chip.LastResetPulse);
    }

    [Fact]
    public async Task A_chip_that_reads_zero_from_regversion_fails_with_a_message_naming_the_register_and_the_value()
    {
        using var bench = new RadioBench(chipVersion: 0x00);

        var error = await Assert.ThrowsAsync<Sx1276NotFoundException>(bench.StartAsync);

        Assert.Equal("SX1276 not found: RegVersion (0x42) read 0x00, expected 0x12; check SPI wiring and NSS", error.Message);
        Assert.Equal(0x00, error.VersionRead);
    }

    [Fact]
    public async Task Another_chip_version_is_refused_with_the_value_read()
    {
        using var bench = new RadioBench(chipVersion: 0x22);

        var error = await Assert.ThrowsAsync<Sx1276NotFoundException>(bench.StartAsync);

        Assert.Contains("read 0x22", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_refused_at_construction_naming_the_key()
    {
        var options = new Sx1276Options { SpreadingFactor = 13 };

        var error = Assert.Throws<ArgumentException>(() => new RadioBench(options));

        Assert.Contains("SpreadingFactor", error.Message, StringComparison.Ordinal);
    }
}
