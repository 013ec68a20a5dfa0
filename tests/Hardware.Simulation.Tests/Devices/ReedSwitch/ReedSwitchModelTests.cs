using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Devices.ReedSwitch;
using SmartVillage.Hardware.Simulation.EnvironmentModel;
using SmartVillage.Hardware.Simulation.Gpio;

namespace SmartVillage.Hardware.Simulation.Tests.Devices;

/// <summary>Rain gauge and anemometer reed switches driving a simulated pin as the environment says.</summary>
public sealed class ReedSwitchModelTests : IDisposable
{
    private const int Pin = 6;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SimulatedGpioDriver _driver = new();
    private readonly GpioController _gpio;
    private int _fallingEdges;

    public ReedSwitchModelTests()
    {
        _gpio = new GpioController(_driver);
        _gpio.OpenPin(Pin, PinMode.InputPullUp);
        _gpio.RegisterCallbackForPinValueChangedEvent(Pin, PinEventTypes.Falling, (_, _) => _fallingEdges++);
    }

    /// <summary>Storm: 6 mm/h for an hour is 21.5 tips of 0.2794 mm, the first coming early (bucket nine-tenths full).</summary>
    [Fact]
    public void A_storm_hour_tips_the_bucket_once_per_0_2794_millimetres()
    {
        using var gauge = ReedSwitchModel.TippingBucket(new SimulatedEnvironment(ScenarioCatalog.Storm, _time), _driver, Pin, _time);

        Step(TimeSpan.FromHours(1), TimeSpan.FromSeconds(1));

        Assert.InRange(gauge.Closures, 21, 22);
    }

    [Fact]
    public void A_dry_day_never_tips_the_bucket()
    {
        using var gauge = ReedSwitchModel.TippingBucket(new SimulatedEnvironment(ScenarioCatalog.ClearDay, _time), _driver, Pin, _time);

        Step(TimeSpan.FromHours(1), TimeSpan.FromSeconds(1));

        Assert.Equal(0, gauge.Closures);
        Assert.Equal(PinValue.High, _driver.GetLevel(Pin));
    }

    [Fact]
    public void Rain_due_while_the_clock_jumped_is_tipped_out_afterwards()
    {
        using var gauge = ReedSwitchModel.TippingBucket(new SimulatedEnvironment(ScenarioCatalog.Storm, _time), _driver, Pin, _time);

        _time.Advance(TimeSpan.FromHours(1));
        Step(TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(100));

        Assert.InRange(gauge.Closures, 21, 22);
    }

    [Fact]
    public void Each_closure_bounces_but_the_pin_ends_released()
    {
        using var gauge = ReedSwitchModel.TippingBucket(new SimulatedEnvironment(ScenarioCatalog.Storm, _time), _driver, Pin, _time);

        Step(TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(10));

        // Closing: low, bounce, low, bounce, low (3 falls); opening: release, low, release, low, release (2 falls).
        Assert.Equal(1, gauge.Closures);
        Assert.Equal(1 + (2 * gauge.Bounces), _fallingEdges);
        Assert.Equal(PinValue.High, _driver.GetLevel(Pin));
    }

    [Fact]
    public void The_anemometer_closes_once_per_second_for_each_2_4_kilometres_per_hour()
    {
        var environment = new SimulatedEnvironment(ScenarioCatalog.ClearDay, _time);
        using var anemometer = ReedSwitchModel.CupAnemometer(environment, _driver, Pin, _time);
        var expected = 0.0;

        for (var step = 0; step < 20_000; step++)
        {
            expected += environment.Current.WindSpeedMetresPerSecond / (2.4 / 3.6) * 0.001;
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.InRange(anemometer.Closures, expected - 2, expected + 2);
    }

    private void Step(TimeSpan total, TimeSpan step)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += step)
        {
            _time.Advance(step);
        }
    }

    public void Dispose() => _gpio.Dispose();
}
