using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Weather;

namespace SmartVillage.Plugins.Tests.Weather;

/// <summary><see cref="Bme280Sensor"/> built by its factory over the simulated kit: the real driver, a simulated chip.</summary>
public sealed class Bme280SensorTests
{
    private static readonly DateTimeOffset s_afternoon = new(2026, 6, 1, 15, 0, 0, TimeSpan.Zero);
    private readonly Bme280SensorFactory _factory = new();
    private readonly FakeTimeProvider _time = new(s_afternoon);
    private readonly SimulatedKit _kit;
    private readonly SensorDefinition _definition = new() { Id = "air", Type = "bme280", Bus = 1, Address = 0x76 };

    public Bme280SensorTests()
    {
        _kit = new SimulatedKit("clear-day", _time);
        Assert.Null(_kit.Attach(_definition));
    }

    [Fact]
    public async Task A_read_reports_temperature_humidity_and_pressure_of_the_environment()
    {
        using var sensor = _factory.Create(_definition, _kit);

        var sample = await sensor.ReadAsync(CancellationToken.None);

        var expected = _kit.Environment.Current;
        Assert.True(sample.IsSuccess, sample.Error);
        Assert.Equal(expected.AirTemperatureCelsius, Value(sample, "temperature", "Cel"), 0.06);
        Assert.Equal(expected.RelativeHumidityPercent, Value(sample, "humidity", "%RH"), 0.2);
        Assert.Equal(expected.PressurePascals, Value(sample, "pressure", "Pa"), 5.0);
    }

    [Fact]
    public async Task A_read_after_the_clock_moves_reports_the_new_conditions()
    {
        using var sensor = _factory.Create(_definition, _kit);
        await sensor.ReadAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(15));
        var dawn = await sensor.ReadAsync(CancellationToken.None);

        Assert.Equal(_kit.Environment.Current.AirTemperatureCelsius, Value(dawn, "temperature", "Cel"), 0.06);
    }

    /// <summary>
    /// Documented behaviour: corrupt data (every byte 0xFF) after setup gives a failure sample, because the driver
    /// turns those bytes into 187.5 °C, outside the chip's range; no measurement, so nothing stale or wrong is stored.
    /// </summary>
    [Fact]
    public async Task Corrupt_bus_data_after_setup_is_reported_as_a_failure_with_no_measurements()
    {
        using var sensor = _factory.Create(_definition, _kit);
        await sensor.ReadAsync(CancellationToken.None);

        _kit.InjectI2cFault(1, 0x76, I2cFault.CorruptData);
        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.False(sample.IsSuccess);
        Assert.Empty(sample.Measurements);
        Assert.Contains("corrupt", sample.Error, StringComparison.Ordinal);
    }

    /// <summary>Documented behaviour: with corrupt data from the start, the chip id reads 0xFF and creation throws.</summary>
    [Fact]
    public void Corrupt_bus_data_at_setup_makes_creation_throw_an_io_exception()
    {
        _kit.InjectI2cFault(1, 0x76, I2cFault.CorruptData);

        Assert.Throws<IOException>(() => _factory.Create(_definition, _kit));
    }

    [Fact]
    public async Task A_sensor_recovers_when_the_fault_clears()
    {
        using var sensor = _factory.Create(_definition, _kit);
        _kit.InjectI2cFault(1, 0x76, I2cFault.CorruptData);
        await sensor.ReadAsync(CancellationToken.None);

        _kit.InjectI2cFault(1, 0x76, I2cFault.None);
        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.True(sample.IsSuccess, sample.Error);
    }

    [Fact]
    public async Task A_nack_on_one_sensor_leaves_a_second_sensor_on_the_bus_reading()
    {
        var second = new SensorDefinition { Id = "air-2", Type = "bme280", Bus = 1, Address = 0x77 };
        Assert.Null(_kit.Attach(second));
        using var failing = _factory.Create(_definition, _kit);
        using var healthy = _factory.Create(second, _kit);

        _kit.InjectI2cFault(1, 0x76, I2cFault.Nack);

        await Assert.ThrowsAsync<IOException>(() => failing.ReadAsync(CancellationToken.None).AsTask());
        Assert.True((await healthy.ReadAsync(CancellationToken.None)).IsSuccess);
    }

    [Theory]
    [InlineData(0x99)]
    [InlineData(0x40)]
    public void The_factory_refuses_an_address_a_bme280_cannot_have_naming_the_address_field(int address)
    {
        var problems = _factory.Validate(new SensorDefinition { Id = "air", Type = "bme280", Address = address });

        var problem = Assert.Single(problems);
        Assert.StartsWith("Address", problem, StringComparison.Ordinal);
        Assert.Contains($"0x{address:X2}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_factory_accepts_both_bme280_addresses()
    {
        Assert.Empty(_factory.Validate(new SensorDefinition { Type = "bme280", Address = 0x76 }));
        Assert.Empty(_factory.Validate(new SensorDefinition { Type = "bme280", Address = 0x77 }));
    }

    private static double Value(SensorSample sample, string quantity, string unit)
    {
        var measurement = Assert.Single(sample.Measurements, m => m.Quantity == quantity);
        Assert.Equal(unit, measurement.Unit);
        return measurement.Value;
    }
}
