using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Devices.FloatSwitch;
using SmartVillage.Hardware.Simulation.EnvironmentModel;
using SmartVillage.Hardware.Simulation.Gpio;

namespace SmartVillage.Hardware.Simulation.Tests.Devices;

/// <summary>A float switch following the tank level (dry spell: starts at 0.60 m, drawn down 5 cm a day).</summary>
public sealed class FloatSwitchModelTests : IDisposable
{
    private const int Pin = 16;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SimulatedGpioDriver _driver = new();
    private readonly SimulatedEnvironment _environment;

    public FloatSwitchModelTests() => _environment = new SimulatedEnvironment(ScenarioCatalog.DrySpell, _time);

    [Fact]
    public void A_switch_below_the_water_is_lifted_and_drives_its_active_level()
    {
        using var model = new FloatSwitchModel(_environment, _driver, Pin, _time, heightMetres: 0.5, PinValue.Low);

        Assert.True(model.Lifted);
        Assert.Equal(PinValue.Low, _driver.GetLevel(Pin));
    }

    [Fact]
    public void A_switch_above_the_water_hangs_and_drives_the_other_level()
    {
        using var model = new FloatSwitchModel(_environment, _driver, Pin, _time, heightMetres: 0.7, PinValue.Low);

        Assert.False(model.Lifted);
        Assert.Equal(PinValue.High, _driver.GetLevel(Pin));
    }

    [Fact]
    public void The_float_drops_when_the_tank_is_drawn_down_past_it()
    {
        using var model = new FloatSwitchModel(_environment, _driver, Pin, _time, heightMetres: 0.58, PinValue.High);
        Assert.Equal(PinValue.High, _driver.GetLevel(Pin));

        _time.Advance(TimeSpan.FromDays(1)); // 5 cm lower.

        Assert.False(model.Lifted);
        Assert.Equal(PinValue.Low, _driver.GetLevel(Pin));
    }

    [Fact]
    public void A_jammed_float_stays_where_it_is()
    {
        using var model = new FloatSwitchModel(_environment, _driver, Pin, _time, heightMetres: 0.58, PinValue.Low) { JammedLifted = true };

        _time.Advance(TimeSpan.FromDays(1));

        Assert.True(model.Lifted);
    }

    public void Dispose() => _driver.Dispose();
}
