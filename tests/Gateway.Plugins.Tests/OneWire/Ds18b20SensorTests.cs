using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Hardware.Simulation.Devices.Ds18b20;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.OneWire;
using SmartVillage.Plugins.Tests.Support;

namespace SmartVillage.Plugins.Tests.OneWire;

/// <summary>The real <c>OneWireThermometerDevice</c> reading the simulated kit's fake 1-Wire sysfs folder.</summary>
public sealed class Ds18b20SensorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly Ds18b20SensorFactory _factory = new();
    private readonly SimulatedKit _kit;
    private readonly SensorDefinition _definition = new() { Id = "soil-temp", Type = "ds18b20" };
    private readonly ISensor _sensor;
    private readonly Ds18b20Model _model;

    public Ds18b20SensorTests()
    {
        _kit = new SimulatedKit("clear-day", _time);
        _definition.Settings["DeviceId"] = "28-0316a2794bff";
        _definition.Settings["Medium"] = "soil";
        Assert.Empty(_factory.Validate(_definition));
        Assert.Null(_kit.Attach(_definition));
        _sensor = _factory.Create(_definition, _kit);
        _model = _kit.Model<Ds18b20Model>("soil-temp");
    }

    [Fact]
    public async Task A_read_reports_the_soil_temperature_to_a_sixteenth_of_a_degree()
    {
        var temperature = (await _sensor.ReadAsync(CancellationToken.None)).Only("temperature");

        Assert.Equal(_kit.Environment.Current.SoilTemperatureCelsius, temperature.Value, 1.0 / 32);
        Assert.Equal("Cel", temperature.Unit);
    }

    [Fact]
    public async Task A_read_after_the_clock_moves_reports_the_new_temperature()
    {
        await _sensor.ReadAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(6));
        var temperature = (await _sensor.ReadAsync(CancellationToken.None)).Only("temperature");

        Assert.Equal(_kit.Environment.Current.SoilTemperatureCelsius, temperature.Value, 1.0 / 32);
    }

    [Fact]
    public async Task A_crc_error_gives_a_failure_never_the_previous_value()
    {
        await _sensor.ReadAsync(CancellationToken.None);

        _model.Fault = OneWireFault.CrcError;
        var sample = await _sensor.ReadAsync(CancellationToken.None);

        Assert.False(sample.IsSuccess);
        Assert.Contains("CRC", sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sensor_that_left_the_bus_gives_a_failure()
    {
        _model.Fault = OneWireFault.Absent;

        var sample = await _sensor.ReadAsync(CancellationToken.None);

        Assert.Contains("not on the 1-Wire bus", sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_85_degree_power_on_value_gives_a_failure()
    {
        _model.Fault = OneWireFault.PowerOnReset;

        var sample = await _sensor.ReadAsync(CancellationToken.None);

        Assert.Contains("power-on value", sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_recover_once_the_fault_clears()
    {
        _model.Fault = OneWireFault.CrcError;
        await _sensor.ReadAsync(CancellationToken.None);

        _model.Fault = OneWireFault.None;

        Assert.True((await _sensor.ReadAsync(CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public void A_malformed_device_id_is_refused_naming_the_setting()
    {
        var definition = new SensorDefinition { Id = "t", Type = "ds18b20" };
        definition.Settings["DeviceId"] = "10-12";

        Assert.StartsWith("Settings:DeviceId", Assert.Single(_factory.Validate(definition)), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _sensor.Dispose();
        _model.Dispose();
    }
}
