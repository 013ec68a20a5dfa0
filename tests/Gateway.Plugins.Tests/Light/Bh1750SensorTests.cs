using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Light;
using SmartVillage.Plugins.Tests.Support;

namespace SmartVillage.Plugins.Tests.Light;

/// <summary><see cref="Bh1750Sensor"/>: the real binding over the opcode-level model or a scripted chip.</summary>
public sealed class Bh1750SensorTests
{
    // 10:00 on a clear day: about 87 klx, bright enough to saturate the default measurement time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly Bh1750SensorFactory _factory = new();
    private readonly SimulatedKit _kit;

    public Bh1750SensorTests() => _kit = new SimulatedKit("clear-day", _time);

    /// <summary>
    /// Datasheet measurement example: data 0x8390 (33680 counts) in H-resolution mode is 33680 / 1.2 ≈ 28067 lx. The
    /// first read waits one measurement time (on the bus clock) after starting continuous measurement.
    /// </summary>
    [Fact]
    public async Task The_datasheet_example_0x8390_is_28067_lux()
    {
        var busClock = new FakeTimeProvider();
        var chip = new ScriptedI2cChip(0x83, 0x90);
        _kit.I2cBus(1).TryAdd(0x5C, chip);
        using var sensor = new Bh1750Sensor(_kit.OpenI2c(1, 0x5C), busClock: busClock);

        var read = sensor.ReadAsync(CancellationToken.None).AsTask();
        Assert.False(read.IsCompleted, "the first read waits for a whole measurement");
        busClock.Advance(TimeSpan.FromMilliseconds(180));
        var illuminance = (await read).Only("illuminance");

        Assert.Equal(28066.7, illuminance.Value);
        Assert.Equal("lx", illuminance.Unit);
        Assert.Equal(33680, illuminance.RawValue);
        Assert.Contains(chip.Writes, w => w is [0x10]); // Continuously H-resolution mode.
    }

    [Fact]
    public async Task The_first_read_after_opening_is_a_measurement_not_the_reset_value()
    {
        using var sensor = Attach(("MeasurementTime", "31"));

        var illuminance = (await sensor.ReadAsync(CancellationToken.None)).Only("illuminance");

        // MTreg 31: 1.85 lx per count.
        Assert.Equal(_kit.Environment.Current.IlluminanceLux, illuminance.Value, 2.0);
        Assert.Equal(ReadingQuality.Good, illuminance.Quality);
    }

    [Fact]
    public async Task Full_sun_at_the_default_measurement_time_is_flagged_saturated_not_dropped()
    {
        using var sensor = Attach();

        var illuminance = (await sensor.ReadAsync(CancellationToken.None)).Only("illuminance");

        Assert.Equal(65535, illuminance.RawValue);
        Assert.Equal(ReadingQuality.OutOfRange, illuminance.Quality);
        Assert.True(illuminance.Value < _kit.Environment.Current.IlluminanceLux);
    }

    [Fact]
    public async Task Light_behind_a_window_is_reported_as_the_light_outside_it()
    {
        using var sensor = Attach(("MeasurementTime", "31"), ("WindowTransmittance", "0.5"));

        var illuminance = (await sensor.ReadAsync(CancellationToken.None)).Only("illuminance");

        Assert.Equal(_kit.Environment.Current.IlluminanceLux, illuminance.Value, 4.0);
    }

    [Fact]
    public async Task Corrupt_bus_data_reads_as_a_saturated_counter_and_is_flagged()
    {
        using var sensor = Attach(("MeasurementTime", "31"));
        await sensor.ReadAsync(CancellationToken.None);

        _kit.InjectI2cFault(1, 0x23, I2cFault.CorruptData);
        var illuminance = (await sensor.ReadAsync(CancellationToken.None)).Only("illuminance");

        Assert.Equal(ReadingQuality.OutOfRange, illuminance.Quality);
    }

    [Theory]
    [InlineData(I2cFault.Nack, "no acknowledge")]
    [InlineData(I2cFault.Timeout, "timed out")]
    public async Task A_bus_fault_after_opening_is_a_failure_naming_it(I2cFault fault, string expected)
    {
        using var sensor = Attach(("MeasurementTime", "31"));

        _kit.InjectI2cFault(1, 0x23, fault);
        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.Contains("BH1750 at 0x23 did not acknowledge", sample.Error, StringComparison.Ordinal);
        Assert.Contains(expected, sample.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MeasurementTime", "20")]
    [InlineData("MeasurementTime", "254")]
    [InlineData("WindowTransmittance", "0")]
    public void Settings_the_binding_cannot_program_are_refused(string key, string value)
    {
        var definition = new SensorDefinition { Type = "bh1750", Address = 0x23 };
        definition.Settings[key] = value;

        Assert.StartsWith($"Settings:{key}:", Assert.Single(_factory.Validate(definition)), StringComparison.Ordinal);
    }

    private ISensor Attach(params (string Key, string Value)[] settings)
    {
        var definition = new SensorDefinition { Id = "light", Type = "bh1750", Bus = 1, Address = 0x23 };
        foreach (var (key, value) in settings)
        {
            definition.Settings[key] = value;
        }

        Assert.Empty(_factory.Validate(definition));
        Assert.Null(_kit.Attach(definition));
        return _factory.Create(definition, _kit);
    }

}
