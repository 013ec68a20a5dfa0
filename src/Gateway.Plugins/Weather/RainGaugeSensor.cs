using System.Device.Gpio;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Weather;

/// <summary>
/// Rainfall from a tipping-bucket gauge whose reed switch closes to ground on each tip (SparkFun/Argent 80422:
/// 0.2794 mm per tip, domain reference §3.7). The pin is an input with pull-up; falling edges, debounced, are tips.
/// Edges arrive through the GPIO controller's callbacks whenever they happen; a read reports the totals so far.
/// </summary>
/// <remarks>Units: <c>m</c> (SenML base unit; 0.2794 mm = 0.0002794 m). Quantities <c>rain-hour</c> (this clock hour)
/// and <c>rain-day</c> (since local midnight).</remarks>
public sealed class RainGaugeSensor : ISensor
{
    private readonly GpioController _gpio;
    private readonly int _pin;
    private readonly double _millimetresPerTip;
    private readonly ReedSwitchDebouncer _debouncer;
    private readonly RainTotals _totals;

    public RainGaugeSensor(GpioController gpio, int pin, double millimetresPerTip, ReedSwitchDebouncer debouncer, RainTotals totals)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(debouncer);
        ArgumentNullException.ThrowIfNull(totals);
        _gpio = gpio;
        _pin = pin;
        _millimetresPerTip = millimetresPerTip;
        _debouncer = debouncer;
        _totals = totals;
        _gpio.OpenPin(pin, PinMode.InputPullUp);
        _gpio.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Falling | PinEventTypes.Rising, OnEdge);
    }

    public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        if (_totals.TakeSaveError() is { } saveError)
        {
            // Reported once per failed save; the totals are cumulative, so the next read loses nothing.
            return ValueTask.FromResult(SensorSample.Failure($"{saveError}; tips are still counted, but a restart would lose them"));
        }

        var (hour, day) = _totals.Current();
        return ValueTask.FromResult(SensorSample.Success(
            new Measurement("rain-hour", "m", Math.Round(hour * _millimetresPerTip / 1000, 7)) { RawValue = hour, RawUnit = "count" },
            new Measurement("rain-day", "m", Math.Round(day * _millimetresPerTip / 1000, 7)) { RawValue = day, RawUnit = "count" }));
    }

    private void OnEdge(object sender, PinValueChangedEventArgs args)
    {
        if (_debouncer.Edge(closing: args.ChangeType == PinEventTypes.Falling))
        {
            _totals.AddTip();
        }
    }

    public void Dispose()
    {
        _gpio.UnregisterCallbackForPinValueChangedEvent(_pin, OnEdge);
        _gpio.ClosePin(_pin);
    }
}
