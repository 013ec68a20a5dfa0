using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Tests.Support;
using SmartVillage.Plugins.Water;

namespace SmartVillage.Plugins.Tests.Water;

/// <summary>A float switch on a simulated GPIO pin, closing to GND (pull-up) when the float lifts, settling 2 s.</summary>
public sealed class FloatSwitchSensorTests : IDisposable
{
    private const int Pin = 16;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly GpioOnlyHardware _board = new();
    private readonly FloatSwitchSensorFactory _factory;

    public FloatSwitchSensorTests() => _factory = new FloatSwitchSensorFactory(_time);

    [Fact]
    public async Task The_level_at_opening_counts_at_once()
    {
        _board.Driver.SetInputValue(Pin, PinValue.Low);
        using var sensor = Create();

        var reading = (await sensor.ReadAsync(CancellationToken.None)).Only("water-at-switch");

        Assert.Equal(1, reading.Value);
        Assert.Equal(0, reading.RawValue);
        Assert.Equal("", reading.Unit);
    }

    [Fact]
    public async Task A_new_level_held_for_the_settle_time_counts()
    {
        using var sensor = Create();
        Assert.Equal(0, (await sensor.ReadAsync(CancellationToken.None)).Only("water-at-switch").Value);

        _board.Driver.SetInputValue(Pin, PinValue.Low);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(1, (await sensor.ReadAsync(CancellationToken.None)).Only("water-at-switch").Value);
    }

    [Fact]
    public async Task Waves_chattering_the_float_do_not_change_the_settled_level()
    {
        using var sensor = Create();

        for (var wave = 0; wave < 50; wave++)
        {
            _board.Driver.SetInputValue(Pin, wave % 2 == 0 ? PinValue.Low : PinValue.High);
            _time.Advance(TimeSpan.FromMilliseconds(300));
            Assert.Equal(0, (await sensor.ReadAsync(CancellationToken.None)).Only("water-at-switch").Value);
        }
    }

    [Fact]
    public async Task A_level_that_comes_back_before_settling_never_counted()
    {
        using var sensor = Create();
        _board.Driver.SetInputValue(Pin, PinValue.Low);
        _time.Advance(TimeSpan.FromSeconds(1));
        _board.Driver.ReleaseInput(Pin);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, (await sensor.ReadAsync(CancellationToken.None)).Only("water-at-switch").Value);
    }

    [Fact]
    public async Task An_active_high_switch_with_a_pull_down_reports_a_high_pin_as_lifted()
    {
        using var sensor = Create(("ActiveLevel", "high"));
        Assert.Equal(PinMode.InputPullDown, _board.Driver.GetMode(Pin));

        _board.Driver.SetInputValue(Pin, PinValue.High);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(1, (await sensor.ReadAsync(CancellationToken.None)).Only("water-at-switch").Value);
    }

    /// <summary>Dry spell: the tank holds 0.60 m; a switch at 0.50 m is under water, one at 0.70 m is not.</summary>
    [Fact]
    public async Task In_the_simulated_tank_the_switch_follows_the_water_level()
    {
        var kit = new SimulatedKit("dry-spell", _time);
        var low = Define("tank-low", 16, ("HeightMetres", "0.50"));
        var high = Define("tank-high", 17, ("HeightMetres", "0.70"));
        Assert.Null(kit.Attach(low));
        Assert.Null(kit.Attach(high));
        using var lowSensor = _factory.Create(low, kit);
        using var highSensor = _factory.Create(high, kit);

        Assert.Equal(1, (await lowSensor.ReadAsync(CancellationToken.None)).Only("water-at-switch").Value);
        Assert.Equal(0, (await highSensor.ReadAsync(CancellationToken.None)).Only("water-at-switch").Value);
    }

    [Theory]
    [InlineData("ActiveLevel", "sideways")]
    [InlineData("Pull", "strong")]
    [InlineData("SettleMs", "-1")]
    public void Bad_settings_are_refused_naming_the_key(string key, string value)
    {
        var definition = Define("tank", Pin, (key, value));

        Assert.StartsWith($"Settings:{key}:", Assert.Single(_factory.Validate(definition)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_without_a_pin_is_refused_naming_the_field() =>
        Assert.StartsWith("Pin:", Assert.Single(_factory.Validate(new SensorDefinition { Id = "tank", Type = "float-switch" })), StringComparison.Ordinal);

    private ISensor Create(params (string Key, string Value)[] settings)
    {
        var definition = Define("tank-full", Pin, settings);
        Assert.Empty(_factory.Validate(definition));
        return _factory.Create(definition, _board);
    }

    private static SensorDefinition Define(string id, int pin, params (string Key, string Value)[] settings)
    {
        var definition = new SensorDefinition { Id = id, Type = "float-switch", Pin = pin };
        foreach (var (key, value) in settings)
        {
            definition.Settings[key] = value;
        }

        return definition;
    }

    public void Dispose() => _board.Dispose();
}
