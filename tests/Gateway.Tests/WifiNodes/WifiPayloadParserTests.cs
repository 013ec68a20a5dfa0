using System.Text;
using SmartVillage.Gateway.Acquisition.WifiNodes;

namespace SmartVillage.Gateway.Tests.WifiNodes;

public sealed class WifiPayloadParserTests
{
    private static readonly DateTimeOffset s_now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<WifiSample> Parse(WifiPayloadFormat format, string topic, string payload) =>
        WifiPayloadParser.Parse(format, topic, Encoding.UTF8.GetBytes(payload), s_now, out var rejection)
        ?? throw new Xunit.Sdk.XunitException(rejection);

    [Fact]
    public void Plain_json_gives_one_measurement_per_number_with_nested_names_joined()
    {
        var sample = Parse(WifiPayloadFormat.Json, "farm/pump-1", """{"temperature":21.5,"soil":{"vwc":0.31},"label":"x","ts":5}""").Single();

        Assert.Equal([("temperature", "Cel", 21.5), ("soil_vwc", "", 0.31)], sample.Measurements.Select(m => (m.Quantity, m.Unit, m.Value)));
        Assert.Equal(s_now, sample.Time);
    }

    [Fact]
    public void Senml_takes_names_units_and_absolute_base_time_from_the_pack()
    {
        var sample = Parse(WifiPayloadFormat.Senml, "senml/pump-1", """
            [{"bn":"urn:dev:mac:0024befffe804ff1:","bt":1.780315200e9,"n":"temp","u":"Cel","v":23.1},{"n":"flow","u":"l/s","v":0.4}]
            """).Single();

        Assert.Equal([("temp", "Cel", 23.1), ("flow", "l/s", 0.4)], sample.Measurements.Select(m => (m.Quantity, m.Unit, m.Value)));
        Assert.True(sample.TimeFromMessage);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_780_315_200), sample.Time);
    }

    [Fact]
    public void Senml_relative_times_are_counted_back_from_receipt()
    {
        var samples = Parse(WifiPayloadFormat.Senml, "t", """[{"n":"level","u":"m","v":1.2,"t":-60},{"n":"level","u":"m","v":1.3}]""");

        Assert.Equal([s_now.AddSeconds(-60), s_now], samples.Select(s => s.Time).Order());
    }

    [Fact]
    public void An_esphome_state_topic_names_the_quantity_and_its_payload_is_the_value()
    {
        var sample = Parse(WifiPayloadFormat.Esphome, "well-2/sensor/water_temperature/state", "14.25").Single();

        Assert.Equal(("water_temperature", "Cel", 14.25), (sample.Measurements[0].Quantity, sample.Measurements[0].Unit, sample.Measurements[0].Value));
    }

    [Fact]
    public void An_esphome_binary_sensor_on_is_one()
    {
        Assert.Equal(1, Parse(WifiPayloadFormat.Esphome, "pump/binary_sensor/running/state", "ON").Single().Measurements[0].Value);
    }

    [Fact]
    public void Tasmota_telemetry_flattens_sensors_and_skips_time_and_units()
    {
        var sample = Parse(WifiPayloadFormat.Tasmota, "tele/pump-1/SENSOR",
            """{"Time":"2026-06-01T14:00:00","BME280":{"Temperature":23.4,"Humidity":45.1,"Pressure":1012.3},"PressureUnit":"hPa","TempUnit":"C"}""").Single();

        Assert.Equal([("BME280_Temperature", "Cel", 23.4), ("BME280_Humidity", "%RH", 45.1), ("BME280_Pressure", "", 1012.3)],
            sample.Measurements.Select(m => (m.Quantity, m.Unit, m.Value)));
        Assert.False(sample.TimeFromMessage);
    }

    [Fact]
    public void Tasmota_fahrenheit_is_converted_to_celsius()
    {
        var sample = Parse(WifiPayloadFormat.Tasmota, "tele/x/SENSOR", """{"DS18B20":{"Temperature":212},"TempUnit":"F"}""").Single();

        Assert.Equal(100, sample.Measurements[0].Value, 6);
    }

    [Theory]
    [InlineData(WifiPayloadFormat.Json, "t", "{broken", "not valid JSON")]
    [InlineData(WifiPayloadFormat.Json, "t", """{"label":"only text"}""", "no numeric values")]
    [InlineData(WifiPayloadFormat.Senml, "t", """{"n":"x","v":1}""", "JSON array")]
    [InlineData(WifiPayloadFormat.Esphome, "a/b", "1", "not an ESPHome state topic")]
    [InlineData(WifiPayloadFormat.Esphome, "a/sensor/b/state", "nan", "not a number")]
    public void A_payload_that_does_not_fit_its_format_is_rejected_with_a_reason(WifiPayloadFormat format, string topic, string payload, string reason)
    {
        Assert.Null(WifiPayloadParser.Parse(format, topic, Encoding.UTF8.GetBytes(payload), s_now, out var rejection));
        Assert.Contains(reason, rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_in_every_format_never_throw()
    {
        var random = new Random(9);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 100)];
            random.NextBytes(bytes);
            _ = WifiPayloadParser.Parse((WifiPayloadFormat)(i % 4), "a/sensor/b/state", bytes, s_now, out _);
        }
    }
}
