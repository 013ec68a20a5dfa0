using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Tests.Support;
using SmartVillage.Plugins.Weather;

namespace SmartVillage.Plugins.Tests.Weather;

/// <summary>A tipping-bucket gauge's reed switch on a simulated GPIO pin, with its totals file in a temp folder.</summary>
public sealed class RainGaugeSensorTests : IDisposable
{
    private const int Pin = 6;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 10, 15, 0, TimeSpan.Zero));
    private readonly TempFolder _folder = new();
    private readonly GpioOnlyHardware _board = new();
    private readonly RainGaugeSensorFactory _factory;
    private readonly SensorDefinition _definition = new() { Id = "rain", Type = "rain-gauge", Pin = Pin };
    private ISensor _sensor;

    public RainGaugeSensorTests()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        _factory = new RainGaugeSensorFactory(_time);
        _definition.Settings["TotalsFile"] = _folder.File("rain.json");
        Assert.Empty(_factory.Validate(_definition));
        _sensor = _factory.Create(_definition, _board);
    }

    [Fact]
    public async Task One_clean_tip_is_0_2794_millimetres()
    {
        Tip();

        var hour = (await _sensor.ReadAsync(CancellationToken.None)).Only("rain-hour");

        Assert.Equal(0.0002794, hour.Value, 1e-9);
        Assert.Equal("m", hour.Unit);
    }

    [Fact]
    public async Task A_hundred_edges_2_ms_apart_from_a_bouncing_switch_count_as_one_tip()
    {
        for (var edge = 0; edge < 100; edge++)
        {
            _board.Driver.SetInputValue(Pin, edge % 2 == 0 ? PinValue.Low : PinValue.High);
            _time.Advance(TimeSpan.FromMilliseconds(2));
        }

        Assert.Equal(1, (await _sensor.ReadAsync(CancellationToken.None)).Only("rain-day").RawValue);
    }

    [Fact]
    public async Task Tips_a_second_apart_each_count()
    {
        Tip();
        Tip();
        Tip();

        Assert.Equal(3, (await _sensor.ReadAsync(CancellationToken.None)).Only("rain-hour").RawValue);
    }

    [Fact]
    public async Task Totals_survive_a_restart()
    {
        Tip();
        Tip();
        _sensor.Dispose();

        _sensor = _factory.Create(_definition, _board);
        var day = (await _sensor.ReadAsync(CancellationToken.None)).Only("rain-day");

        Assert.Equal(2, day.RawValue);
    }

    [Fact]
    public async Task The_hourly_total_starts_again_in_a_new_hour_while_the_day_keeps_counting()
    {
        Tip();
        _time.Advance(TimeSpan.FromHours(1));
        Tip();

        var sample = await _sensor.ReadAsync(CancellationToken.None);

        Assert.Equal(1, sample.Only("rain-hour").RawValue);
        Assert.Equal(2, sample.Only("rain-day").RawValue);
    }

    [Fact]
    public async Task The_daily_total_starts_again_after_midnight()
    {
        Tip();
        _time.Advance(TimeSpan.FromHours(14));

        Assert.Equal(0, (await _sensor.ReadAsync(CancellationToken.None)).Only("rain-day").RawValue);
    }

    [Fact]
    public void A_definition_without_a_pin_is_refused_naming_the_field()
    {
        Assert.StartsWith("Pin:", Assert.Single(_factory.Validate(new SensorDefinition { Id = "r", Type = "rain-gauge" })), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_totals_file_that_cannot_be_written_is_reported_once_and_tips_keep_counting()
    {
        File.WriteAllText(_folder.File("not-a-folder"), "");
        var definition = new SensorDefinition { Id = "rain-2", Type = "rain-gauge", Pin = 7 };
        definition.Settings["TotalsFile"] = Path.Combine(_folder.File("not-a-folder"), "rain.json");
        using var sensor = _factory.Create(definition, _board);

        _board.Driver.SetInputValue(7, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        _board.Driver.SetInputValue(7, PinValue.High);

        var failed = await sensor.ReadAsync(CancellationToken.None);
        Assert.Contains("could not be saved", failed.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await sensor.ReadAsync(CancellationToken.None)).Only("rain-day").RawValue);
    }

    [Fact]
    public async Task Without_a_totals_file_setting_the_totals_live_in_the_data_folder()
    {
        var factory = new RainGaugeSensorFactory(_time, _folder.Path);
        using var sensor = factory.Create(new SensorDefinition { Id = "roof", Type = "rain-gauge", Pin = 8 }, _board);

        _board.Driver.SetInputValue(8, PinValue.Low);
        await sensor.ReadAsync(CancellationToken.None);

        Assert.True(File.Exists(_folder.File("rain-roof.json")));
    }

    /// <summary>A clean closure held 50 ms, then a second of quiet.</summary>
    private void Tip()
    {
        _board.Driver.SetInputValue(Pin, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        _board.Driver.SetInputValue(Pin, PinValue.High);
        _time.Advance(TimeSpan.FromSeconds(1));
    }

    public void Dispose()
    {
        _sensor.Dispose();
        _board.Dispose();
        _folder.Dispose();
    }
}
