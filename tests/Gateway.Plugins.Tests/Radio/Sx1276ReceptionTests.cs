using SmartVillage.Hardware.Simulation.Devices.Sx1276;
using SmartVillage.Plugins.Radio.Sx127x;

namespace SmartVillage.Plugins.Tests.Radio;

public sealed class Sx1276ReceptionTests
{
    private static readonly byte[] Frame = [0x01, 0x67, 0x00, 0xE1, 0x02, 0x68, 0x64];

    [Fact]
    public async Task A_packet_at_minus_80_dbm_and_snr_7_25_on_868_1_mhz_arrives_exactly()
    {
        using var bench = new RadioBench();
        await bench.StartAsync();

        Assert.Equal(DeliveryOutcome.Received, bench.Chip.Deliver(Frame, rssiDbm: -80, snrDb: 7.25));
        LoRaPacket packet = await bench.NextPacketAsync();

        Assert.Equal(Frame, packet.Payload);
        Assert.Equal(-80, packet.RssiDbm);
        Assert.Equal(7.25, packet.SnrDb);
        Assert.Equal(bench.Time.GetUtcNow(), packet.ReceivedAt);
        Assert.Equal(1, bench.Radio.ReceivedCount);
    }

    [Fact]
    public async Task An_in865_packet_is_decoded_with_the_high_frequency_port_offset()
    {
        using var bench = new RadioBench(new Sx1276Options { Plan = LoRaFrequencyPlan.IN865 });
        await bench.StartAsync();

        bench.Chip.Deliver(Frame, -95, 5, air: new LoRaAirSettings(865_062_500, 7, 125_000, 0x12));
        LoRaPacket packet = await bench.NextPacketAsync();

        Assert.Equal(62, bench.Chip.PeekRegister(0x1A)); // -95 + 157: the HF port, although below 868 MHz
        Assert.Equal(-95, packet.RssiDbm);
    }

    [Fact]
    public async Task A_433_mhz_packet_is_decoded_with_the_low_frequency_port_offset()
    {
        var options = new Sx1276Options { Plan = LoRaFrequencyPlan.Custom, FrequencyHz = 433_175_000 };
        using var bench = new RadioBench(options);
        await bench.StartAsync();

        bench.Chip.Deliver(Frame, -90, 6, air: new LoRaAirSettings(433_175_000, 7, 125_000, 0x12));
        LoRaPacket packet = await bench.NextPacketAsync();

        Assert.Equal(74, bench.Chip.PeekRegister(0x1A)); // -90 + 164
        Assert.Equal(-90, packet.RssiDbm);
    }

    [Fact]
    public async Task A_packet_below_the_noise_floor_has_its_negative_snr_added_to_the_rssi()
    {
        using var bench = new RadioBench();
        await bench.StartAsync();

        bench.Chip.Deliver(Frame, rssiDbm: -120.25, snrDb: -7.25);
        LoRaPacket packet = await bench.NextPacketAsync();

        Assert.Equal(0xE3, bench.Chip.PeekRegister(0x19)); // -29 quarter-dB steps
        Assert.Equal(44, bench.Chip.PeekRegister(0x1A)); // -120.25 + 157 + 7.25
        Assert.Equal(-7.25, packet.SnrDb);
        Assert.Equal(-120.25, packet.RssiDbm);
    }

    [Fact]
    public async Task A_packet_with_a_crc_error_is_counted_and_not_delivered()
    {
        using var bench = new RadioBench();
        await bench.StartAsync();

        bench.Chip.Deliver(Frame, -80, 7, crcError: true);

        Assert.Equal(1, bench.Radio.CrcErrorCount);
        Assert.Equal(0, bench.Radio.ReceivedCount);
        Assert.False(bench.Radio.Packets.TryRead(out _));
    }

    [Fact]
    public async Task A_packet_sent_without_a_crc_is_rejected()
    {
        using var bench = new RadioBench();
        await bench.StartAsync();

        bench.Chip.Deliver(Frame, -80, 7, air: LoRaAirSettings.Eu868Default with { HasCrc = false });

        Assert.Equal(1, bench.Radio.CrcErrorCount);
        Assert.False(bench.Radio.Packets.TryRead(out _));
    }

    [Fact]
    public async Task The_packet_after_a_crc_error_is_still_delivered()
    {
        using var bench = new RadioBench();
        await bench.StartAsync();

        bench.Chip.Deliver([0xBA, 0xD0], -80, 7, crcError: true);
        bench.Chip.Deliver(Frame, -81, 6.5);
        LoRaPacket packet = await bench.NextPacketAsync();

        Assert.Equal(Frame, packet.Payload);
    }

    [Fact]
    public async Task Successive_packets_are_read_from_where_each_starts_in_the_fifo()
    {
        using var bench = new RadioBench();
        await bench.StartAsync();
        byte[][] frames = [[1, 2, 3], [4, 5, 6, 7, 8], [9]];

        foreach (byte[] frame in frames)
        {
            bench.Chip.Deliver(frame, -70, 9);
        }

        Assert.Equal(frames[0], (await bench.NextPacketAsync()).Payload);
        Assert.Equal(frames[1], (await bench.NextPacketAsync()).Payload);
        Assert.Equal(frames[2], (await bench.NextPacketAsync()).Payload);
        Assert.Equal(8, bench.Chip.PeekRegister(0x10)); // the third packet started after the first two
    }

    [Fact]
    public async Task A_full_packet_queue_drops_new_packets_and_counts_them()
    {
        using var bench = new RadioBench(new Sx1276Options { PacketQueueCapacity = 2 });
        await bench.StartAsync();

        for (byte i = 1; i <= 3; i++)
        {
            bench.Chip.Deliver([i], -70, 9);
        }

        Assert.Equal(3, bench.Radio.ReceivedCount);
        Assert.Equal(1, bench.Radio.OverflowDropCount);
        Assert.Equal([1], (await bench.NextPacketAsync()).Payload);
        Assert.Equal([2], (await bench.NextPacketAsync()).Payload);
    }

    [Fact]
    public async Task Without_dio0_the_driver_polls_the_irq_flags_and_receives_the_packet()
    {
        using var bench = new RadioBench(wireDio0: false);
        await bench.StartAsync();

        bench.Chip.Deliver(Frame, -80, 7.25);
        Assert.False(bench.Radio.Packets.TryRead(out _));
        bench.Time.Advance(bench.Options.PollInterval);
        LoRaPacket packet = await bench.NextPacketAsync();

        Assert.Equal(Frame, packet.Payload);
        Assert.Equal(-80, packet.RssiDbm);
    }

    [Fact]
    public async Task A_packet_on_another_channel_is_missed_by_the_radio()
    {
        using var bench = new RadioBench();
        await bench.StartAsync();

        DeliveryOutcome outcome = bench.Chip.Deliver(Frame, -80, 7, air: LoRaAirSettings.Eu868Default with { FrequencyHz = 868_300_000 });

        Assert.Equal(DeliveryOutcome.MissedFrequency, outcome);
        Assert.Equal(1, bench.Chip.MissedPackets);
        Assert.False(bench.Radio.Packets.TryRead(out _));
    }

    [Fact]
    public async Task A_packet_at_another_spreading_factor_is_missed_by_the_radio()
    {
        using var bench = new RadioBench();
        await bench.StartAsync();

        DeliveryOutcome outcome = bench.Chip.Deliver(Frame, -80, 7, air: LoRaAirSettings.Eu868Default with { SpreadingFactor = 9 });

        Assert.Equal(DeliveryOutcome.MissedModulation, outcome);
        Assert.Equal(0, bench.Radio.ReceivedCount);
        Assert.False(bench.Radio.Packets.TryRead(out _));
    }

    [Fact]
    public async Task A_lorawan_packet_is_missed_by_a_radio_on_the_private_sync_word()
    {
        using var bench = new RadioBench();
        await bench.StartAsync();

        DeliveryOutcome outcome = bench.Chip.Deliver(Frame, -80, 7, air: LoRaAirSettings.Eu868Default with { SyncWord = 0x34 });

        Assert.Equal(DeliveryOutcome.MissedSyncWord, outcome);
        Assert.False(bench.Radio.Packets.TryRead(out _));
    }

    [Fact]
    public void A_packet_sent_before_the_radio_starts_is_missed()
    {
        using var bench = new RadioBench();

        DeliveryOutcome outcome = bench.Chip.Deliver(Frame, -80, 7);

        Assert.Equal(DeliveryOutcome.MissedNotListening, outcome);
        Assert.Equal(1, bench.Chip.MissedPackets);
    }

    [Fact]
    public async Task Noise_is_either_rejected_by_its_crc_or_delivered_as_a_packet()
    {
        using var bench = new RadioBench(new Sx1276Options { PacketQueueCapacity = 32 });
        await bench.StartAsync();

        for (int i = 0; i < 20; i++)
        {
            bench.Chip.DeliverNoise();
        }

        Assert.Equal(20, bench.Radio.CrcErrorCount + bench.Radio.ReceivedCount);
        Assert.InRange(bench.Radio.CrcErrorCount, 1, 19);
    }

    [Fact]
    public async Task Disposing_the_radio_ends_the_packet_stream_and_sleeps_the_chip()
    {
        var bench = new RadioBench();
        await bench.StartAsync();

        bench.Dispose();

        Assert.True(bench.Radio.Packets.Completion.IsCompleted);
        Assert.Equal(0x80, bench.Chip.PeekRegister(0x01));
    }
}
