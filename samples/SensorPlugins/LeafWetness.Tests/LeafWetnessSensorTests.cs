using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Abstractions.Simulation;

namespace SmartVillage.Samples.LeafWetness.Tests;

/// <summary>
/// The plugin's driver reads a simulated ADS1115 through the real Iot.Device.Bindings code, exactly as the gateway
/// would run it in a simulated kit: the device is placed from the plugin's own <see cref="ISimulatedSensorFactory"/>.
/// </summary>
public sealed class LeafWetnessSensorTests
{
    // Noon UTC (the fake clock's time zone): the warmest, driest hour of the simulated day.
    private static readonly DateTimeOffset s_noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly LeafWetnessSensorFactory _factory = new();
    private readonly FakeTimeProvider _time = new(s_noon);

    [Fact]
    public async Task On_a_clear_afternoon_the_leaves_are_dry()
    {
        var kit = new SimulatedKit("clear-day", _time);
        using var sensor = Place(kit, Leaves(calibrated: true));

        var wetness = Only(await sensor.ReadAsync(CancellationToken.None));

        Assert.Equal("leaf-wetness", wetness.Quantity);
        Assert.Equal("%", wetness.Unit);
        Assert.Equal(0, wetness.Value, 0.5);
        Assert.Equal(ReadingQuality.Good, wetness.Quality);
        Assert.Equal(LeafWetnessSensor.TypicalDryVolts, wetness.RawValue!.Value, 0.005);
        Assert.Equal("V", wetness.RawUnit);
    }

    [Fact]
    public async Task In_steady_storm_rain_the_leaves_are_soaked()
    {
        var kit = new SimulatedKit("storm", _time);
        using var sensor = Place(kit, Leaves(calibrated: true));
        _time.Advance(TimeSpan.FromMinutes(10)); // the scenario's rain starts once its clock runs

        var wetness = Only(await sensor.ReadAsync(CancellationToken.None));

        Assert.True(kit.Environment.Current.RainRateMillimetresPerHour > 1, "the storm scenario rains");
        Assert.Equal(100, wetness.Value, 0.5);
    }

    [Fact]
    public async Task Without_dry_and_wet_points_readings_are_flagged_uncalibrated()
    {
        var kit = new SimulatedKit("clear-day", _time);
        using var sensor = Place(kit, Leaves(calibrated: false));

        var wetness = Only(await sensor.ReadAsync(CancellationToken.None));

        Assert.Equal(ReadingQuality.Uncalibrated, wetness.Quality);
    }

    [Fact]
    public async Task A_grid_reading_beyond_its_calibrated_points_is_clamped_and_flagged_out_of_range()
    {
        var kit = new SimulatedKit("clear-day", _time);
        var leaves = Leaves(calibrated: true);
        leaves.Settings["DryVolts"] = "2.80"; // calibrated at a lower supply than the board now has
        using var sensor = Place(kit, leaves);

        var wetness = Only(await sensor.ReadAsync(CancellationToken.None));

        Assert.Equal(0, wetness.Value);
        Assert.Equal(ReadingQuality.OutOfRange, wetness.Quality);
    }

    [Fact]
    public async Task An_adc_that_does_not_answer_is_a_failed_read_naming_the_chip()
    {
        var kit = new SimulatedKit("clear-day", _time);
        using var sensor = Place(kit, Leaves(calibrated: true));
        kit.InjectI2cFault(1, 0x48, I2cFault.Nack);

        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.False(sample.IsSuccess);
        Assert.Contains("ADS1115 0x48 input 2", sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_module_without_power_is_a_failed_read_not_a_wet_leaf()
    {
        var kit = new SimulatedKit("clear-day", _time);
        var leaves = Leaves(calibrated: true);
        Assert.Null(kit.Attach(leaves, SimulatedDevice.ProbeOnAds1115(() => 0.0)));
        using var sensor = _factory.Create(leaves, kit);

        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.False(sample.IsSuccess);
        Assert.Contains("no power", sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_without_a_channel_is_refused_naming_the_setting()
    {
        var leaves = Leaves(calibrated: true);
        leaves.Settings.Remove("Channel");

        var problems = _factory.Validate(leaves);

        Assert.Contains(problems, p => p.StartsWith("Settings:Channel: missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Dry_and_wet_points_too_close_together_are_refused()
    {
        var leaves = Leaves(calibrated: true);
        leaves.Settings["WetVolts"] = "3.0";

        var problems = _factory.Validate(leaves);

        Assert.Contains(problems, p => p.StartsWith("Settings:DryVolts:", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_one_calibration_point_is_refused()
    {
        var leaves = Leaves(calibrated: false);
        leaves.Settings["DryVolts"] = "3.1";

        var problems = _factory.Validate(leaves);

        Assert.Equal(["Settings:WetVolts: missing; give both DryVolts and WetVolts, or neither for the typical values"], problems);
    }

    [Fact]
    public void An_address_the_adc_cannot_have_is_refused()
    {
        var leaves = Leaves(calibrated: true);
        leaves.Address = 0x50;

        Assert.Contains(_factory.Validate(leaves), p => p.StartsWith("Address: 0x50", StringComparison.Ordinal));
    }

    private static SensorDefinition Leaves(bool calibrated)
    {
        var definition = new SensorDefinition { Id = "leaves", Type = "ads1115-leaf-wetness", Bus = 1, Address = 0x48 };
        definition.Settings["Channel"] = "2";
        if (calibrated)
        {
            definition.Settings["DryVolts"] = "3.20";
            definition.Settings["WetVolts"] = "1.00";
        }

        return definition;
    }

    /// <summary>What the gateway does for a simulated kit: validate, place the plugin's device, build the sensor.</summary>
    private ISensor Place(SimulatedKit kit, SensorDefinition definition)
    {
        Assert.Empty(_factory.Validate(definition));
        Assert.Null(kit.Attach(definition, _factory.Simulate(definition, kit.Conditions)));
        return _factory.Create(definition, kit);
    }

    private static Measurement Only(SensorSample sample)
    {
        Assert.True(sample.IsSuccess, sample.Error);
        return Assert.Single(sample.Measurements);
    }
}
