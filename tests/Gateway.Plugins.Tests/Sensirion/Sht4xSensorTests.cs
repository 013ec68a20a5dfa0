using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.Devices.Sensirion;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Sensirion;
using SmartVillage.Plugins.Tests.Support;

namespace SmartVillage.Plugins.Tests.Sensirion;

/// <summary><see cref="Sht4xSensor"/> built by its factory: the real binding over a simulated or scripted chip.</summary>
public sealed class Sht4xSensorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly Sht4xSensorFactory _factory = new();
    private readonly SimulatedKit _kit;
    private readonly SensorDefinition _definition = new() { Id = "air", Type = "sht4x", Bus = 1, Address = 0x44 };

    public Sht4xSensorTests()
    {
        _kit = new SimulatedKit("storm", _time);
        Assert.Empty(_factory.Validate(_definition));
        Assert.Null(_kit.Attach(_definition));
    }

    /// <summary>Datasheet conversion: S_T = 0x6666 is 25.00 °C; S_RH = 0x8000 is −6 + 125 × 32768 / 65535 = 56.50 %.</summary>
    [Fact]
    public async Task The_datasheet_conversion_turns_0x6666_and_0x8000_into_25_degrees_and_56_5_percent()
    {
        var kit = new SimulatedKit("clear-day", _time);
        kit.I2cBus(1).TryAdd(0x46, new ScriptedI2cChip(0x66, 0x66, SensirionCrc.Of(0x66, 0x66), 0x80, 0x00, SensirionCrc.Of(0x80, 0x00)));
        using var sensor = _factory.Create(new SensorDefinition { Id = "air", Type = "sht4x", Address = 0x46 }, kit);

        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.Equal(25.0, sample.Only("temperature").Value, 0.005);
        Assert.Equal(56.5, sample.Only("humidity").Value, 0.005);
    }

    [Fact]
    public async Task A_read_reports_the_air_temperature_and_humidity_of_the_environment()
    {
        using var sensor = _factory.Create(_definition, _kit);

        var sample = await sensor.ReadAsync(CancellationToken.None);

        var expected = _kit.Environment.Current;
        Assert.Equal(expected.AirTemperatureCelsius, sample.Only("temperature").Value, 0.01);
        Assert.Equal(expected.RelativeHumidityPercent, sample.Only("humidity").Value, 0.01);
    }

    [Fact]
    public async Task A_crc_error_is_a_failure_never_the_previous_value()
    {
        using var sensor = _factory.Create(_definition, _kit);
        Assert.True((await sensor.ReadAsync(CancellationToken.None)).IsSuccess);

        _kit.Model<Sht4xModel>("air").CorruptCrc = true;
        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.False(sample.IsSuccess);
        Assert.Empty(sample.Measurements);
        Assert.Contains("CRC", sample.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(I2cFault.Nack, "no acknowledge")]
    [InlineData(I2cFault.Timeout, "timed out")]
    public async Task A_bus_fault_after_opening_is_a_failure_naming_it(I2cFault fault, string expected)
    {
        using var sensor = _factory.Create(_definition, _kit);

        _kit.InjectI2cFault(1, 0x44, fault);
        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.Contains("SHT4x at 0x44 did not acknowledge", sample.Error, StringComparison.Ordinal);
        Assert.Contains(expected, sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_factory_accepts_the_three_sht4x_addresses_and_refuses_low_repeatability()
    {
        Assert.All(new[] { 0x44, 0x45, 0x46 }, a => Assert.Empty(_factory.Validate(new SensorDefinition { Type = "sht4x", Address = a })));
        var low = new SensorDefinition { Type = "sht4x", Address = 0x44 };
        low.Settings["Repeatability"] = "low";

        Assert.StartsWith("Settings:Repeatability: 'low'", Assert.Single(_factory.Validate(low)), StringComparison.Ordinal);
    }

}
