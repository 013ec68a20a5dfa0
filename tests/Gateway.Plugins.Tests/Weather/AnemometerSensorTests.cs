using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Tests.Support;
using SmartVillage.Plugins.Weather;

namespace SmartVillage.Plugins.Tests.Weather;

public sealed class AnemometerSensorTests : IDisposable
{
    private const int Pin = 5;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly GpioOnlyHardware _board = new();
    private readonly ISensor _sensor;

    public AnemometerSensorTests()
    {
        var factory = new AnemometerSensorFactory(_time);
        var definition = new SensorDefinition { Id = "wind", Type = "anemometer", Pin = Pin };
        Assert.Empty(factory.Validate(definition));
        _sensor = factory.Create(definition, _board);
    }

    /// <summary>The gateway reads a sensor as soon as it opens it: one closure in a millisecond is not 667 m/s.</summary>
    [Fact]
    public async Task A_read_right_after_opening_counts_over_a_whole_second()
    {
        var read = _sensor.ReadAsync(CancellationToken.None).AsTask();
        _board.Driver.SetInputValue(Pin, PinValue.Low);
        Assert.False(read.IsCompleted);

        _time.Advance(AnemometerSensor.MinimumWindow);
        var speed = (await read).Only("wind-speed");

        Assert.Equal(2.4 / 3.6, speed.Value, 0.01);
    }

    /// <summary>Kit datasheet: one closure per second is 2.4 km/h.</summary>
    [Fact]
    public async Task One_closure_per_second_is_2_4_kilometres_per_hour()
    {
        Spin(closures: 10, every: TimeSpan.FromSeconds(1));

        var speed = (await _sensor.ReadAsync(CancellationToken.None)).Only("wind-speed");

        Assert.Equal(2.4 / 3.6, speed.Value, 0.01);
        Assert.Equal("m/s", speed.Unit);
    }

    [Fact]
    public async Task Each_read_reports_the_speed_since_the_previous_one()
    {
        Spin(closures: 10, every: TimeSpan.FromSeconds(1));
        await _sensor.ReadAsync(CancellationToken.None);

        Spin(closures: 50, every: TimeSpan.FromMilliseconds(200));
        var speed = (await _sensor.ReadAsync(CancellationToken.None)).Only("wind-speed");

        Assert.Equal(5 * 2.4 / 3.6, speed.Value, 0.01);
    }

    [Fact]
    public async Task Bounces_within_the_debounce_time_are_not_extra_revolutions()
    {
        for (var i = 0; i < 10; i++)
        {
            _board.Driver.SetInputValue(Pin, PinValue.Low);
            _board.Driver.SetInputValue(Pin, PinValue.High); // Bounce: same instant.
            _board.Driver.SetInputValue(Pin, PinValue.Low);
            _time.Advance(TimeSpan.FromMilliseconds(500));
            _board.Driver.SetInputValue(Pin, PinValue.High);
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Equal(1.0, (await _sensor.ReadAsync(CancellationToken.None)).Only("wind-speed").RawValue!.Value, 0.001);
    }

    private void Spin(int closures, TimeSpan every)
    {
        for (var i = 0; i < closures; i++)
        {
            _board.Driver.SetInputValue(Pin, PinValue.Low);
            _time.Advance(every / 2);
            _board.Driver.SetInputValue(Pin, PinValue.High);
            _time.Advance(every / 2);
        }
    }

    public void Dispose()
    {
        _sensor.Dispose();
        _board.Dispose();
    }
}
