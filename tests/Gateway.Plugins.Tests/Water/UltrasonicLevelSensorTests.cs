using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Hardware.Simulation.Devices.Ultrasonic;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Tests.Support;
using SmartVillage.Plugins.Water;

namespace SmartVillage.Plugins.Tests.Water;

public sealed class UltrasonicLevelSensorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SimulatedKit _kit;
    private readonly ISensor _sensor;

    public UltrasonicLevelSensorTests()
    {
        _kit = new SimulatedKit("clear-day", _time);
        var definition = new SensorDefinition { Id = "tank-level", Type = "a02yyuw-level", Port = "/dev/serial0" };
        definition.Settings["TankDepthMetres"] = "2.0";
        var factory = new UltrasonicLevelSensorFactory(_time);
        Assert.Empty(factory.Validate(definition));
        Assert.Null(_kit.Attach(definition));
        _sensor = factory.Create(definition, _kit);
    }

    /// <summary>DFRobot SEN0311 wiki example: FF 07 A1 A7 is 0x07A1 = 1953 mm.</summary>
    [Fact]
    public void The_documented_frame_ff_07_a1_a7_is_1953_millimetres()
    {
        Assert.Equal(1953, UltrasonicLevelSensor.ParseFrame([0xFF, 0x07, 0xA1, 0xA7]));
    }

    [Fact]
    public void A_frame_with_a_wrong_checksum_is_rejected()
    {
        Assert.Null(UltrasonicLevelSensor.ParseFrame([0xFF, 0x07, 0xA1, 0xA6]));
    }

    [Fact]
    public async Task The_level_is_the_tank_depth_minus_the_measured_distance()
    {
        var level = (await _sensor.ReadAsync(CancellationToken.None)).Only("water-level");

        Assert.Equal(_kit.Environment.Current.WaterLevelMetres, level.Value, 0.001);
        Assert.Equal("mm", level.RawUnit);
    }

    [Fact]
    public async Task A_corrupted_frame_gives_a_failure()
    {
        _kit.Model<A02yyuwModel>("tank-level").CorruptChecksum = true;

        var sample = await _sensor.ReadAsync(CancellationToken.None);

        Assert.Contains("checksum", sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silent_sensor_times_out_on_the_injected_clock()
    {
        _kit.Model<A02yyuwModel>("tank-level").Silent = true;

        var pending = _sensor.ReadAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Contains("no frame within 300 ms", (await pending).Error, StringComparison.Ordinal);
    }

    public void Dispose() => _sensor.Dispose();
}
