using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.Devices.Sensirion;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Sensirion;
using SmartVillage.Plugins.Tests.Support;

namespace SmartVillage.Plugins.Tests.Sensirion;

/// <summary><see cref="Sht3xSensor"/> built by its factory: the real binding over a simulated or scripted chip.</summary>
public sealed class Sht3xSensorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 15, 0, 0, TimeSpan.Zero));
    private readonly Sht3xSensorFactory _factory = new();
    private readonly SimulatedKit _kit;
    private readonly SensorDefinition _definition = new() { Id = "air", Type = "sht3x", Bus = 1, Address = 0x44 };

    public Sht3xSensorTests()
    {
        _kit = new SimulatedKit("clear-day", _time);
        Assert.Empty(_factory.Validate(_definition));
        Assert.Null(_kit.Attach(_definition));
    }

    /// <summary>Datasheet conversion: S_T = 0x6666 is −45 + 175 × 26214 / 65535 = 25.0 °C; S_RH = 0x8000 is 50.0 %.</summary>
    [Fact]
    public async Task The_datasheet_conversion_turns_0x6666_and_0x8000_into_25_degrees_and_50_percent()
    {
        var kit = new SimulatedKit("clear-day", _time);
        kit.I2cBus(1).TryAdd(0x45, new ScriptedI2cChip(0x66, 0x66, SensirionCrc.Of(0x66, 0x66), 0x80, 0x00, SensirionCrc.Of(0x80, 0x00)));
        using var sensor = _factory.Create(new SensorDefinition { Id = "air", Type = "sht3x", Address = 0x45 }, kit);

        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.Equal(25.0, sample.Only("temperature").Value);
        Assert.Equal(50.0, sample.Only("humidity").Value);
    }

    [Fact]
    public async Task A_read_reports_the_air_temperature_and_humidity_of_the_environment()
    {
        using var sensor = _factory.Create(_definition, _kit);

        var sample = await sensor.ReadAsync(CancellationToken.None);

        var expected = _kit.Environment.Current;
        Assert.Equal(expected.AirTemperatureCelsius, sample.Only("temperature").Value, 0.06);
        Assert.Equal(expected.RelativeHumidityPercent, sample.Only("humidity").Value, 0.06);
        Assert.Equal("%RH", sample.Only("humidity").Unit);
    }

    /// <summary>The binding would return the previous value; the sensor reports the CRC failure instead.</summary>
    [Fact]
    public async Task A_crc_error_is_a_failure_never_the_previous_value()
    {
        using var sensor = _factory.Create(_definition, _kit);
        Assert.True((await sensor.ReadAsync(CancellationToken.None)).IsSuccess);

        _kit.Model<Sht3xModel>("air").CorruptCrc = true;
        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.False(sample.IsSuccess);
        Assert.Empty(sample.Measurements);
        Assert.Contains("CRC", sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrupt_bus_data_fails_the_crc()
    {
        using var sensor = _factory.Create(_definition, _kit);

        _kit.InjectI2cFault(1, 0x44, I2cFault.CorruptData);

        Assert.Contains("CRC", (await sensor.ReadAsync(CancellationToken.None)).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(I2cFault.Nack, "no acknowledge")]
    [InlineData(I2cFault.Timeout, "timed out")]
    public async Task A_bus_fault_after_opening_is_a_failure_naming_it(I2cFault fault, string expected)
    {
        using var sensor = _factory.Create(_definition, _kit);

        _kit.InjectI2cFault(1, 0x44, fault);
        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.False(sample.IsSuccess);
        Assert.Contains("SHT3x at 0x44 did not acknowledge", sample.Error, StringComparison.Ordinal);
        Assert.Contains(expected, sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sensor_reads_again_once_the_fault_clears()
    {
        using var sensor = _factory.Create(_definition, _kit);
        _kit.InjectI2cFault(1, 0x44, I2cFault.Nack);
        await sensor.ReadAsync(CancellationToken.None);

        _kit.InjectI2cFault(1, 0x44, I2cFault.None);

        Assert.True((await sensor.ReadAsync(CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public void A_missing_chip_makes_opening_throw_an_io_exception()
    {
        _kit.InjectI2cFault(1, 0x44, I2cFault.Nack);

        Assert.Throws<IOException>(() => _factory.Create(_definition, _kit));
    }

    [Theory]
    [InlineData(0x44, null)]
    [InlineData(0x45, null)]
    [InlineData(0x46, "Address")]
    public void The_factory_accepts_the_two_sht3x_addresses_only(int address, string? problemField)
    {
        var problems = _factory.Validate(new SensorDefinition { Type = "sht3x", Address = address });

        if (problemField is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.StartsWith(problemField, Assert.Single(problems), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unknown_repeatability_is_refused_naming_the_setting()
    {
        var definition = new SensorDefinition { Type = "sht3x", Address = 0x44 };
        definition.Settings["Repeatability"] = "extreme";

        Assert.StartsWith("Settings:Repeatability: 'extreme'", Assert.Single(_factory.Validate(definition)), StringComparison.Ordinal);
    }

}
