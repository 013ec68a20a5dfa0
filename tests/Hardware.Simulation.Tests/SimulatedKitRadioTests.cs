using System.Device.Gpio;
using System.Device.Spi;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Nodes;

namespace SmartVillage.Hardware.Simulation.Tests;

public sealed class SimulatedKitRadioTests
{
    [Fact]
    public void The_kit_has_one_gpio_controller_over_its_simulated_driver()
    {
        var kit = new SimulatedKit("clear-day", new FakeTimeProvider());
        kit.Gpio.OpenPin(5, PinMode.Output);

        kit.Gpio.Write(5, PinValue.High);

        Assert.Same(kit.Gpio, kit.Gpio);
        Assert.Equal(PinValue.High, kit.GpioDriver.GetLevel(5));
    }

    [Fact]
    public void A_declared_lora_radio_is_what_spi_opens_at_its_bus_and_chip_select()
    {
        var kit = new SimulatedKit("clear-day", new FakeTimeProvider());
        var radio = kit.DeclareLoRaRadio(0, 1, resetPin: 22, dio0Pin: 25);

        Assert.Same(radio, kit.OpenSpi(new SpiConnectionSettings(0, 1)));
        Assert.Same(radio, kit.LoRaRadio);
        Assert.Throws<NotSupportedException>(() => kit.OpenSpi(new SpiConnectionSettings(0, 0)));
    }

    [Fact]
    public void A_field_node_frame_is_the_p2p_header_then_cayenne_lpp_temperature_humidity_and_battery()
    {
        var kit = new SimulatedKit("clear-day", new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));
        var node = new SimulatedFieldNode(kit.DeclareLoRaRadio(0, 0), kit.Environment, address: 7, rssiDbm: -90, snrDb: 5, seed: 1);

        var first = node.NextFrame();
        var second = node.NextFrame();

        Assert.Equal([0x00, 0x07, 0x00, 0x00], first[..4]);
        Assert.Equal([0x00, 0x07, 0x00, 0x01], second[..4]);
        Assert.Equal([0x01, 0x67], first[4..6]);
        Assert.Equal([0x02, 0x68], first[8..10]);
        Assert.Equal([0x03, 0x74, 0x01, 0x9A], first[11..15]); // 4.10 V
    }
}
