using System.Text.Json;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Upstream.Formats;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Upstream;

public sealed class SenmlPackEncoderTests
{
    private static readonly DateTimeOffset s_time = DateTimeOffset.FromUnixTimeMilliseconds(1_740_990_000_250);

    [Fact]
    public void A_pack_carries_base_name_base_time_and_each_readings_name_unit_value_offset_and_sequence()
    {
        var readings = new[]
        {
            new StoredReading(41, "weather", "temperature", "Cel", 21.5, ReadingQuality.Good, s_time),
            new StoredReading(42, "weather", "humidity", "%RH", 55.25, ReadingQuality.Simulated, s_time.AddSeconds(1.5)),
        };

        using var pack = JsonDocument.Parse(new SenmlPackEncoder().Encode("gw-7", readings));
        var records = pack.RootElement.EnumerateArray().ToList();

        Assert.Equal("gw-7:", records[0].GetProperty("bn").GetString());
        Assert.Equal(1_740_990_000.25, records[0].GetProperty("bt").GetDouble());
        Assert.Equal("weather/temperature", records[0].GetProperty("n").GetString());
        Assert.Equal("Cel", records[0].GetProperty("u").GetString());
        Assert.Equal(21.5, records[0].GetProperty("v").GetDouble());
        Assert.False(records[0].TryGetProperty("t", out _));
        Assert.Equal(41, records[0].GetProperty("seq").GetInt64());
        Assert.False(records[0].TryGetProperty("q", out _));
        Assert.False(records[1].TryGetProperty("bn", out _));
        Assert.Equal(1.5, records[1].GetProperty("t").GetDouble());
        Assert.Equal(42, records[1].GetProperty("seq").GetInt64());
        Assert.Equal((int)ReadingQuality.Simulated, records[1].GetProperty("q").GetInt32());
    }

    [Fact]
    public void A_calibrated_reading_carries_its_raw_value_and_calibration_id_and_an_empty_unit_is_left_out()
    {
        var readings = new[]
        {
            new StoredReading(7, "tank-ph", "ph", "pH", 7.01, ReadingQuality.Good, s_time) { RawValue = -3.2, RawUnit = "mV", CalibrationId = "ph-1" },
            new StoredReading(8, "tank", "turbidity-ntu", "", 0.9, ReadingQuality.Good, s_time),
        };

        using var pack = JsonDocument.Parse(new SenmlPackEncoder().Encode("gw-7", readings));
        var records = pack.RootElement.EnumerateArray().ToList();

        Assert.Equal(-3.2, records[0].GetProperty("raw").GetDouble());
        Assert.Equal("mV", records[0].GetProperty("raw_u").GetString());
        Assert.Equal("ph-1", records[0].GetProperty("cal").GetString());
        Assert.False(records[1].TryGetProperty("u", out _));
        Assert.False(records[1].TryGetProperty("raw", out _));
    }
}
