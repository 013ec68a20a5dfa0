using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Devices.Bh1750;
using SmartVillage.Hardware.Simulation.Devices.FloatSwitch;
using SmartVillage.Hardware.Simulation.Devices.Ina219;
using SmartVillage.Hardware.Simulation.Devices.ReedSwitch;
using SmartVillage.Hardware.Simulation.Devices.Sensirion;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Hardware.Simulation.Tests;

/// <summary>Placing the weather station's and the tank's devices: I2C chips, reed switches, float switches.</summary>
public sealed class SimulatedKitWeatherTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SimulatedKit _kit;

    public SimulatedKitWeatherTests() => _kit = new SimulatedKit("storm", _time);

    [Fact]
    public void Each_i2c_weather_chip_is_placed_at_its_address()
    {
        Assert.Null(_kit.Attach(new SensorDefinition { Id = "sht31", Type = "sht3x", Address = 0x44 }));
        Assert.Null(_kit.Attach(new SensorDefinition { Id = "sht40", Type = "sht4x", Address = 0x45 }));
        Assert.Null(_kit.Attach(new SensorDefinition { Id = "light", Type = "bh1750", Address = 0x23 }));
        Assert.Null(_kit.Attach(new SensorDefinition { Id = "battery", Type = "ina219", Address = 0x40 }));

        Assert.Same(_kit.I2cBus(1).Find(0x44), _kit.Model<Sht3xModel>("sht31"));
        Assert.Same(_kit.I2cBus(1).Find(0x45), _kit.Model<Sht4xModel>("sht40"));
        Assert.Same(_kit.I2cBus(1).Find(0x23), _kit.Model<Bh1750Model>("light"));
        Assert.Same(_kit.I2cBus(1).Find(0x40), _kit.Model<Ina219Model>("battery"));
    }

    [Fact]
    public void An_ina219_in_a_circuit_the_simulation_lacks_is_refused_naming_the_setting()
    {
        var definition = new SensorDefinition { Id = "pump", Type = "ina219", Address = 0x40 };
        definition.Settings["Circuit"] = "pump";

        Assert.StartsWith("Settings:Circuit: 'pump'", _kit.Attach(definition), StringComparison.Ordinal);
    }

    [Fact]
    public void Rain_gauge_anemometer_and_float_switch_get_their_pins()
    {
        Assert.Null(_kit.Attach(new SensorDefinition { Id = "rain", Type = "rain-gauge", Pin = 6 }));
        Assert.Null(_kit.Attach(new SensorDefinition { Id = "wind", Type = "anemometer", Pin = 5 }));
        Assert.Null(_kit.Attach(new SensorDefinition { Id = "tank-full", Type = "float-switch", Pin = 16 }));

        Assert.Equal(6, _kit.Model<ReedSwitchModel>("rain").Pin);
        Assert.Equal(5, _kit.Model<ReedSwitchModel>("wind").Pin);
        Assert.Equal(16, _kit.Model<FloatSwitchModel>("tank-full").Pin);
    }

    [Fact]
    public void Two_devices_on_one_pin_are_refused_naming_the_first()
    {
        Assert.Null(_kit.Attach(new SensorDefinition { Id = "rain", Type = "rain-gauge", Pin = 6 }));

        var reason = _kit.Attach(new SensorDefinition { Id = "wind", Type = "anemometer", Pin = 6 });

        Assert.Equal("Pin: GPIO 6 is already wired to sensor 'rain' (rain-gauge)", reason);
    }

    [Fact]
    public void A_pin_device_on_the_radios_interrupt_line_is_refused()
    {
        _kit.DeclareLoRaRadio(0, 0, resetPin: 22, dio0Pin: 25);

        var reason = _kit.Attach(new SensorDefinition { Id = "rain", Type = "rain-gauge", Pin = 25 });

        Assert.Equal("Pin: GPIO 25 is already wired to the LoRa radio's DIO0", reason);
    }

    [Fact]
    public void A_pin_device_without_a_pin_is_refused()
    {
        Assert.StartsWith("Pin:", _kit.Attach(new SensorDefinition { Id = "rain", Type = "rain-gauge" }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_disposed_reed_switch_stops_closing()
    {
        Assert.Null(_kit.Attach(new SensorDefinition { Id = "rain", Type = "rain-gauge", Pin = 6 }));
        var gauge = _kit.Model<ReedSwitchModel>("rain");

        gauge.Dispose();
        for (var second = 0; second < 120; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, gauge.Closures);
    }

    [Fact]
    public void In_the_storm_the_attached_gauge_tips_within_a_minute()
    {
        Assert.Null(_kit.Attach(new SensorDefinition { Id = "rain", Type = "rain-gauge", Pin = 6 }));

        for (var second = 0; second < 60; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, _kit.Model<ReedSwitchModel>("rain").Closures);
    }

}
