using System.Device.Spi;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Hardware.Simulation.Tests;

public sealed class SimulatedKitTests
{
    [Fact]
    public void An_unknown_scenario_is_refused_with_the_valid_names()
    {
        var error = Assert.Throws<ArgumentException>(() => new SimulatedKit("monsoon", new FakeTimeProvider()));

        Assert.Contains("monsoon", error.Message, StringComparison.Ordinal);
        Assert.All(SimulatedKit.Scenarios, name => Assert.Contains(name, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_listed_scenario_can_be_run()
    {
        Assert.Equal(["clear-day", "dry-spell", "storm"], SimulatedKit.Scenarios);
        Assert.All(SimulatedKit.Scenarios, name => Assert.Equal(name, new SimulatedKit(name, new FakeTimeProvider()).Scenario));
    }

    [Fact]
    public void A_sensor_type_without_a_model_gets_a_reason_naming_the_type()
    {
        var kit = new SimulatedKit("clear-day", new FakeTimeProvider());

        var reason = kit.Attach(new SensorDefinition { Id = "x", Type = "xyz", Address = 0x10 });

        Assert.Equal("no simulated device for sensor type 'xyz'", reason);
    }

    [Fact]
    public void Two_devices_on_the_same_bus_and_address_are_refused()
    {
        var kit = new SimulatedKit("clear-day", new FakeTimeProvider());
        Assert.Null(kit.Attach(new SensorDefinition { Id = "first", Type = "bme280", Address = 0x76 }));

        var reason = kit.Attach(new SensorDefinition { Id = "second", Type = "bme280", Bus = 1, Address = 0x76 });

        Assert.NotNull(reason);
        Assert.Contains("0x76", reason, StringComparison.Ordinal);
        Assert.Contains("first", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_address_on_another_bus_is_a_different_place()
    {
        var kit = new SimulatedKit("clear-day", new FakeTimeProvider());
        Assert.Null(kit.Attach(new SensorDefinition { Id = "first", Type = "bme280", Bus = 1, Address = 0x76 }));

        Assert.Null(kit.Attach(new SensorDefinition { Id = "second", Type = "bme280", Bus = 3, Address = 0x76 }));
    }

    [Fact]
    public void Spi_and_serial_are_refused_naming_what_was_asked_for()
    {
        var kit = new SimulatedKit("clear-day", new FakeTimeProvider());

        var spi = Assert.Throws<NotSupportedException>(() => kit.OpenSpi(new SpiConnectionSettings(0, 1)));
        var serial = Assert.Throws<NotSupportedException>(() => kit.OpenSerial("/dev/ttyUSB0", 9600));

        Assert.Contains("chip select 1", spi.Message, StringComparison.Ordinal);
        Assert.Contains("/dev/ttyUSB0", serial.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_one_wire_folder_exists_and_belongs_to_one_kit()
    {
        var one = new SimulatedKit("clear-day", new FakeTimeProvider());
        var two = new SimulatedKit("clear-day", new FakeTimeProvider());

        Assert.True(Directory.Exists(one.OneWireFolder));
        Assert.Equal(one.OneWireFolder, one.OneWireFolder);
        Assert.NotEqual(one.OneWireFolder, two.OneWireFolder);
        Directory.Delete(one.OneWireFolder);
        Directory.Delete(two.OneWireFolder);
    }

    [Fact]
    public void The_kit_calls_itself_simulated()
    {
        Assert.Equal("simulated", new SimulatedKit("storm", new FakeTimeProvider()).Name);
    }
}
