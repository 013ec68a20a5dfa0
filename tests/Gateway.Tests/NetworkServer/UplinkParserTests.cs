using System.Text;
using SmartVillage.Gateway.Acquisition.NetworkServer;
using SmartVillage.Gateway.Acquisition.Nodes;

namespace SmartVillage.Gateway.Tests.NetworkServer;

public sealed class UplinkParserTests
{
    private static NetworkUplink Parse(string json) =>
        UplinkParser.Parse(Encoding.UTF8.GetBytes(json), out var rejection) ?? throw new Xunit.Sdk.XunitException(rejection);

    [Fact]
    public void A_chirpstack_v4_uplink_gives_eui_time_counter_payload_and_best_signal()
    {
        var uplink = Parse(UplinkSamples.ChirpStackV4);

        Assert.Equal("0101010101010101", uplink.DevEui);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 6, 12, 30, TimeSpan.Zero), uplink.Time);
        Assert.Equal(42, uplink.FrameCounter);
        Assert.Equal(Convert.FromHexString("03670110056700FF"), uplink.RawPayload);
        Assert.Equal((-52.0, 13.75), (uplink.RssiDbm, uplink.SnrDb));
    }

    [Fact]
    public void A_chirpstack_v4_decoded_object_flattens_to_channel_named_measurements()
    {
        var measurements = JsonMeasurements.Flatten(Parse(UplinkSamples.ChirpStackV4).Decoded!.Value);

        Assert.Equal([("temperatureSensor_3", "Cel", 27.2), ("temperatureSensor_5", "Cel", 25.5)],
            measurements.Select(m => (m.Quantity, m.Unit, m.Value)));
    }

    [Fact]
    public void A_chirpstack_v3_uplink_reads_the_base64_eui_object_json_and_lora_snr()
    {
        var uplink = Parse(UplinkSamples.ChirpStackV3);

        Assert.Equal("0202020202020202", uplink.DevEui);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 7, 0, 5, TimeSpan.Zero), uplink.Time);
        Assert.Equal(7, uplink.FrameCounter);
        Assert.Equal((-61.0, 9.0), (uplink.RssiDbm, uplink.SnrDb));
        Assert.Equal(55, JsonMeasurements.Flatten(uplink.Decoded!.Value).Single(m => m.Quantity == "humiditySensor_1").Value);
    }

    [Fact]
    public void A_chirpstack_v3_uplink_with_a_hex_eui_is_read_too()
    {
        var uplink = Parse("""{"devEUI":"0A0B0C0D0E0F1011","fCnt":1,"data":"AWcA/w=="}""");

        Assert.Equal("0a0b0c0d0e0f1011", uplink.DevEui);
    }

    [Fact]
    public void A_things_stack_uplink_gives_lower_case_eui_received_at_and_raw_payload()
    {
        var uplink = Parse(UplinkSamples.TheThingsStackV3);

        Assert.Equal("a8404194a1875ff3", uplink.DevEui);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 14, 34, 32, 869, TimeSpan.Zero), uplink.Time);
        Assert.Equal(23709, uplink.FrameCounter);
        Assert.Null(uplink.Decoded);
        Assert.Equal(8, uplink.RawPayload!.Length);
        Assert.Equal((-42.0, 5.8), (uplink.RssiDbm, uplink.SnrDb));
    }

    [Fact]
    public void A_things_stack_uplink_without_f_cnt_is_frame_zero()
    {
        var json = UplinkSamples.TheThingsStackV3.Replace("\"f_cnt\":23709,", "", StringComparison.Ordinal);

        Assert.Equal(0, Parse(json).FrameCounter);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2,3]", "not an object")]
    [InlineData("""{"hello":"world"}""", "not an uplink")]
    [InlineData("""{"deviceInfo":{"devEui":"xyz"}}""", "not 16 hex digits")]
    [InlineData("""{"deviceInfo":{"devEui":"0101010101010101"},"data":"%%%"}""", "wrong type or format")]
    [InlineData("""{"end_device_ids":{"dev_eui":"A8404194A1875FF3"}}""", "no uplink_message")]
    public void A_malformed_message_is_rejected_with_a_reason(string json, string reason)
    {
        Assert.Null(UplinkParser.Parse(Encoding.UTF8.GetBytes(json), out var rejection));
        Assert.Contains(reason, rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_and_truncated_bytes_never_throw()
    {
        var random = new Random(5);
        var sample = Encoding.UTF8.GetBytes(UplinkSamples.ChirpStackV4);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = i % 2 == 0 ? sample[..random.Next(sample.Length)] : RandomBytes(random);
            _ = UplinkParser.Parse(bytes, out _);
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 200)];
        random.NextBytes(bytes);
        return bytes;
    }
}
