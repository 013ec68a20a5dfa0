using Microsoft.Extensions.Configuration;
using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Upstream.Drain;

namespace SmartVillage.Gateway.Tests.Configuration;

public sealed class KitLoaderTests
{
    private static readonly SensorRegistry s_registry = new(BuiltInSensors.All);

    [Fact]
    public void A_hexadecimal_i2c_address_binds_to_its_number()
    {
        var (_, kit) = Load(new() { ["Kit:Sensors:0:Id"] = "weather", ["Kit:Sensors:0:Type"] = "bme280", ["Kit:Sensors:0:Address"] = "0x76" });

        Assert.Equal(0x76, kit.Sensors[0].Address);
    }

    [Fact]
    public void A_value_that_cannot_be_bound_is_refused_naming_its_key()
    {
        var error = Assert.Throws<KitConfigurationException>(() =>
            Load(new() { ["Kit:Sensors:0:Id"] = "weather", ["Kit:Sensors:0:Type"] = "bme280", ["Kit:Sensors:0:Address"] = "seventy-six" }));

        Assert.Contains("Kit:Sensors:0:Address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_sensor_type_is_refused_with_the_known_types()
    {
        var error = Assert.Throws<KitConfigurationException>(() =>
            Load(new() { ["Kit:Sensors:0:Id"] = "x", ["Kit:Sensors:0:Type"] = "flux-capacitor" }));

        Assert.Contains("Kit:Sensors:0:Type: unknown sensor type 'flux-capacitor'; known types: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("bme280", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x99", "is not a 7-bit I2C address")]
    [InlineData("0x40", "is not an address this sensor answers at")]
    public void An_i2c_address_out_of_range_is_refused(string address, string expected)
    {
        var error = Assert.Throws<KitConfigurationException>(() =>
            Load(new() { ["Kit:Sensors:0:Id"] = "w", ["Kit:Sensors:0:Type"] = "bme280", ["Kit:Sensors:0:Address"] = address }));

        Assert.Contains($"Kit:Sensors:0:Address: {address.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)} {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_upstream_without_a_broker_host_is_refused()
    {
        var error = Assert.Throws<KitConfigurationException>(() => Load(new() { ["Kit:Upstreams:0:Name"] = "coop" }));

        Assert.Contains("Kit:Upstreams:0:Host: missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<KitConfigurationException>(() => Load(new()
        {
            ["Kit:Sensors:0:Id"] = "a",
            ["Kit:Sensors:0:Type"] = "nope",
            ["Kit:Sensors:1:Id"] = "a",
            ["Kit:Sensors:1:Type"] = "bme280",
            ["Kit:Sensors:1:Address"] = "0x76",
            ["Kit:Upstreams:0:Name"] = "coop",
            ["Kit:Upstreams:0:Host"] = "broker",
            ["Kit:Upstreams:0:Port"] = "70000",
        }));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("Kit:Sensors:1:Id: 'a' is used by another sensor", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Kit:Upstreams:0:Port: 70000", StringComparison.Ordinal));
    }

    [Fact]
    public void Durations_and_the_upstream_defaults_bind_from_the_kit_file()
    {
        var (_, kit) = Load(new()
        {
            ["Kit:Sensors:0:Id"] = "w",
            ["Kit:Sensors:0:Type"] = "bme280",
            ["Kit:Sensors:0:Address"] = "0x77",
            ["Kit:Sensors:0:Interval"] = "00:01:00",
            ["Kit:Upstreams:0:Name"] = "coop",
            ["Kit:Upstreams:0:Host"] = "broker.example",
            ["Kit:Upstreams:0:Tls"] = "true",
        });

        Assert.Equal(TimeSpan.FromMinutes(1), kit.Sensors[0].Interval);
        Assert.Equal(8883, kit.Upstreams[0].EffectivePort);
        Assert.Equal("smartvillage", kit.Upstreams[0].TopicPrefix);
    }

    [Fact]
    public void A_drain_order_binds_by_name_and_an_unknown_one_is_refused_naming_its_key()
    {
        var upstream = new Dictionary<string, string?> { ["Kit:Upstreams:0:Name"] = "coop", ["Kit:Upstreams:0:Host"] = "broker" };
        var (_, kit) = Load(new(upstream) { ["Kit:Upstreams:0:DrainOrder"] = "NewestFirst" });
        Assert.Equal(DrainOrder.NewestFirst, kit.Upstreams[0].DrainOrder);
        Assert.Equal(DrainOrder.OldestFirst, Load(new(upstream)).Item2.Upstreams[0].DrainOrder);

        var error = Assert.Throws<KitConfigurationException>(() => Load(new(upstream) { ["Kit:Upstreams:0:DrainOrder"] = "Sideways" }));
        var number = Assert.Throws<KitConfigurationException>(() => Load(new(upstream) { ["Kit:Upstreams:0:DrainOrder"] = "7" }));

        Assert.Contains("Kit:Upstreams:0:DrainOrder", error.Message, StringComparison.Ordinal);
        Assert.Contains("Kit:Upstreams:0:DrainOrder: '7' is not an order; use OldestFirst or NewestFirst", number.Message, StringComparison.Ordinal);
    }

    private static (GatewayOptions, KitOptions) Load(Dictionary<string, string?> values) =>
        KitLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "test-kit.json", s_registry);
}
