using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.Devices.Ina219;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Power;
using SmartVillage.Plugins.Tests.Support;

namespace SmartVillage.Plugins.Tests.Power;

/// <summary><see cref="Ina219Sensor"/>: the real binding over the register-level model, in the kit's power circuits.</summary>
public sealed class Ina219SensorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly Ina219SensorFactory _factory = new();
    private readonly SimulatedKit _kit;

    public Ina219SensorTests() => _kit = new SimulatedKit("clear-day", _time);

    /// <summary>
    /// Datasheet calibration worked through: 0.1 Ω shunt, 2 A expected, Cal 4096. 1 A at 12 V is 100 mV across the
    /// shunt, current register 10000 (1.0000 A), power register 6000 (12.000 W).
    /// </summary>
    [Fact]
    public async Task One_ampere_at_twelve_volts_reads_as_the_datasheet_calibration_says()
    {
        _kit.I2cBus(1).TryAdd(0x4F, new Ina219Model(_kit.Environment, _ => (12.0, 1.0)));
        using var sensor = _factory.Create(new SensorDefinition { Id = "load", Type = "ina219", Address = 0x4F }, _kit);

        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.Equal(12.0, sample.Only("voltage").Value);
        Assert.Equal(1.0, sample.Only("current").Value);
        Assert.Equal(100.0, sample.Only("current").RawValue);
        Assert.Equal("mV", sample.Only("current").RawUnit);
        Assert.Equal(12.0, sample.Only("power").Value);
        Assert.Equal(["V", "A", "W"], sample.Measurements.Select(m => m.Unit));
    }

    [Fact]
    public async Task A_battery_discharging_at_night_reads_a_negative_current_and_power()
    {
        _time.Advance(TimeSpan.FromHours(11)); // 23:00
        using var sensor = Attach("battery", 0x40, ("Circuit", "battery"));

        var sample = await sensor.ReadAsync(CancellationToken.None);

        var expected = _kit.Environment.Current;
        Assert.Equal(expected.BatteryAmps, sample.Only("current").Value, 0.0002);
        Assert.True(sample.Only("current").Value < 0);
        Assert.True(sample.Only("power").Value < 0);
        Assert.Equal(expected.BatteryVolts, sample.Only("voltage").Value, 0.004);
    }

    [Fact]
    public async Task A_solar_panel_above_16_volts_reads_its_true_voltage()
    {
        using var sensor = Attach("solar", 0x41, ("Circuit", "solar"));

        var sample = await sensor.ReadAsync(CancellationToken.None);

        var expected = _kit.Environment.Current;
        Assert.True(expected.SolarPanelVolts > 16.38);
        Assert.Equal(expected.SolarPanelVolts, sample.Only("voltage").Value, 0.004);
        Assert.Equal(expected.SolarPanelAmps, sample.Only("current").Value, 0.0002);
        Assert.Equal(expected.SolarPanelVolts * expected.SolarPanelAmps, sample.Only("power").Value, 0.01);
    }

    [Fact]
    public async Task A_current_beyond_the_shunt_range_is_flagged_out_of_range()
    {
        _kit.I2cBus(1).TryAdd(0x4E, new Ina219Model(_kit.Environment, _ => (12.0, 4.0)));
        using var sensor = _factory.Create(new SensorDefinition { Id = "load", Type = "ina219", Address = 0x4E }, _kit);

        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.Equal(ReadingQuality.OutOfRange, sample.Only("current").Quality);
        Assert.Equal(ReadingQuality.OutOfRange, sample.Only("power").Quality);
        Assert.Equal(ReadingQuality.Good, sample.Only("voltage").Quality);
    }

    [Fact]
    public async Task Corrupt_bus_data_after_opening_is_a_failure()
    {
        using var sensor = Attach("battery", 0x40);

        _kit.InjectI2cFault(1, 0x40, I2cFault.CorruptData);
        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.False(sample.IsSuccess);
        Assert.Contains("corrupt", sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chip_that_does_not_read_back_its_reset_configuration_is_not_opened()
    {
        var definition = new SensorDefinition { Id = "battery", Type = "ina219", Bus = 1, Address = 0x40 };
        Assert.Null(_kit.Attach(definition));
        _kit.InjectI2cFault(1, 0x40, I2cFault.CorruptData);

        var error = Assert.Throws<IOException>(() => _factory.Create(definition, _kit));

        Assert.Contains("0x399F", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(I2cFault.Nack, "no acknowledge")]
    [InlineData(I2cFault.Timeout, "timed out")]
    public async Task A_bus_fault_after_opening_is_a_failure_naming_it(I2cFault fault, string expected)
    {
        using var sensor = Attach("battery", 0x40);

        _kit.InjectI2cFault(1, 0x40, fault);
        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.Contains("INA219 at 0x40 did not acknowledge", sample.Error, StringComparison.Ordinal);
        Assert.Contains(expected, sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_current_the_shunt_cannot_carry_is_refused_naming_the_setting()
    {
        var definition = new SensorDefinition { Type = "ina219", Address = 0x40 };
        definition.Settings["MaxExpectedAmps"] = "5";

        Assert.StartsWith("Settings:MaxExpectedAmps: 5 A through 0.1 Ω is 500 mV", Assert.Single(_factory.Validate(definition)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BusVoltageRange", "24")]
    [InlineData("Circuit", "pump")]
    [InlineData("ShuntOhms", "0")]
    public void Bad_settings_are_refused_naming_the_key(string key, string value)
    {
        var definition = new SensorDefinition { Type = "ina219", Address = 0x40 };
        definition.Settings[key] = value;

        Assert.StartsWith($"Settings:{key}:", Assert.Single(_factory.Validate(definition)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_address_the_a0_a1_pins_can_strap_is_accepted()
    {
        Assert.All(Enumerable.Range(0x40, 16), a => Assert.Empty(_factory.Validate(new SensorDefinition { Type = "ina219", Address = a })));
        Assert.NotEmpty(_factory.Validate(new SensorDefinition { Type = "ina219", Address = 0x50 }));
    }

    private ISensor Attach(string id, int address, params (string Key, string Value)[] settings)
    {
        var definition = new SensorDefinition { Id = id, Type = "ina219", Bus = 1, Address = address };
        foreach (var (key, value) in settings)
        {
            definition.Settings[key] = value;
        }

        Assert.Empty(_factory.Validate(definition));
        Assert.Null(_kit.Attach(definition));
        return _factory.Create(definition, _kit);
    }

}
