using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Acquisition.LoRa;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Acquisition.WifiNodes;
using SmartVillage.Gateway.Configuration;

namespace SmartVillage.Gateway.Tests.Configuration;

public sealed class WirelessKitValidationTests
{
    private static IReadOnlyList<string> Validate(KitOptions kit) =>
        KitValidator.Validate(new GatewayOptions(), kit, new SensorRegistry(BuiltInSensors.All));

    [Fact]
    public void A_valid_lora_kit_has_no_problems()
    {
        var kit = new KitOptions { Radio = new RadioOptions(), Nodes = [new NodeOptions { Id = "plot-7", Address = 7 }] };

        Assert.Empty(Validate(kit));
    }

    [Fact]
    public void Two_nodes_with_one_address_are_refused_naming_the_key_and_the_other_node()
    {
        var kit = new KitOptions
        {
            Radio = new RadioOptions(),
            Nodes = [new NodeOptions { Id = "a", Address = 7 }, new NodeOptions { Id = "b", Address = 7 }],
        };

        Assert.Contains(Validate(kit), p => p.StartsWith("Kit:Nodes:1:Address: 7 is also the address of node 'a'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_node_address_without_a_radio_is_refused()
    {
        var kit = new KitOptions { Nodes = [new NodeOptions { Id = "a", Address = 7 }] };

        Assert.Contains(Validate(kit), p => p.StartsWith("Kit:Nodes:0:Address: set, but the kit has no Radio", StringComparison.Ordinal));
    }

    [Fact]
    public void A_binary_node_without_fields_is_refused()
    {
        var kit = new KitOptions { Nodes = [new NodeOptions { Id = "a", Decoder = "binary" }] };

        Assert.Contains(Validate(kit), p => p.StartsWith("Kit:Nodes:0:Binary: missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_radio_frequency_outside_its_plan_is_refused_under_the_radio_key()
    {
        var kit = new KitOptions { Radio = new RadioOptions { FrequencyHz = 915_000_000 } };

        Assert.Contains(Validate(kit), p => p.StartsWith("Kit:Radio:FrequencyHz:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_enabled_wifi_broker_needs_an_address_and_a_long_password_and_the_password_is_never_echoed()
    {
        var kit = new KitOptions
        {
            Nodes = [new NodeOptions { Id = "pump" }],
            WifiBroker = new WifiBrokerOptions
            {
                Enabled = true,
                Nodes = [new WifiNodeOptions { Node = "pump", Username = "pump", Password = "short-pw", Topic = "t" }],
            },
        };

        var problems = Validate(kit);

        Assert.Contains(problems, p => p.StartsWith("Kit:WifiBroker:ListenAddress:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Kit:WifiBroker:Nodes:0:Password: missing or shorter than 12", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("short-pw", StringComparison.Ordinal));
    }

    [Fact]
    public void A_disabled_wifi_broker_is_not_checked()
    {
        Assert.Empty(Validate(new KitOptions { WifiBroker = new WifiBrokerOptions { Enabled = false } }));
    }
}
