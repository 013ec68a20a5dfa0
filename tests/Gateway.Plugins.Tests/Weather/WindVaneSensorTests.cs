using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Hardware.Simulation.Devices.Analog;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Tests.Support;
using SmartVillage.Plugins.Weather;

namespace SmartVillage.Plugins.Tests.Weather;

public sealed class WindVaneSensorTests
{
    private readonly SimulatedKit _kit = new("storm", new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));
    private readonly ISensor _sensor;

    public WindVaneSensorTests()
    {
        var definition = new SensorDefinition { Id = "vane", Type = "ads1115-wind-vane", Bus = 1, Address = 0x49 };
        definition.Settings["Channel"] = "3";
        var factory = new WindVaneSensorFactory();
        Assert.Empty(factory.Validate(definition));
        Assert.Null(_kit.Attach(definition));
        _sensor = factory.Create(definition, _kit);
    }

    [Fact]
    public async Task The_direction_is_the_environment_wind_to_the_nearest_sixteenth_of_the_compass()
    {
        var direction = (await _sensor.ReadAsync(CancellationToken.None)).Only("wind-direction");

        var expected = Math.Round(_kit.Environment.Current.WindDirectionDegrees / 22.5) % 16 * 22.5;
        Assert.Equal(expected, direction.Value);
        Assert.Equal("deg", direction.Unit);
    }

    /// <summary>Datasheet table at 5 V with a 10 kΩ pull-up: north is 33 kΩ, 3.84 V.</summary>
    [Fact]
    public void North_at_5_volts_and_10_kilohms_gives_the_datasheet_3_84_volts()
    {
        var ohms = WindVaneSensor.DatasheetOhms[0];

        Assert.Equal(3.84, 5 * ohms / (ohms + 10_000), 0.01);
    }

    [Fact]
    public async Task A_cut_cable_gives_a_failure()
    {
        _kit.Model<WindVane>("vane").Disconnected = true;

        var sample = await _sensor.ReadAsync(CancellationToken.None);

        Assert.Contains("cable cut", sample.Error, StringComparison.Ordinal);
    }
}
