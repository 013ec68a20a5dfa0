using System.Device.Gpio;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// A float switch on a GPIO input: reports <c>water-at-switch</c> 1 when the water has lifted the float (the pin is
/// at its active level, settled), 0 when it has not. A high-level switch near the top says the tank is full; a
/// low-level switch near the bottom says it is about to run dry. The raw value is the pin level (1 high, 0 low).
/// </summary>
/// <remarks>
/// A two-wire switch cannot tell a cut cable from an open contact; wire a switch whose contact opens when the
/// alarm condition holds (for a low-level switch: closed while floating) so a broken wire reads as the alarm.
/// </remarks>
public sealed class FloatSwitchSensor : ISensor
{
    private readonly GpioController _gpio;
    private readonly int _pin;
    private readonly PinValue _activeLevel;
    private readonly LevelDebouncer _debouncer;

    /// <param name="activeLevel">The pin level while the float is lifted.</param>
    /// <param name="inputMode">Input with the pull resistor the switch needs (pull-up for a contact to GND).</param>
    public FloatSwitchSensor(GpioController gpio, int pin, PinValue activeLevel, PinMode inputMode, TimeSpan settle, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(time);
        _gpio = gpio;
        _pin = pin;
        _activeLevel = activeLevel;
        _gpio.OpenPin(pin, inputMode);
        _debouncer = new LevelDebouncer(time, settle, _gpio.Read(pin));
        _gpio.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Falling | PinEventTypes.Rising, OnEdge);
    }

    public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        var level = _debouncer.Settled(_gpio.Read(_pin));
        return ValueTask.FromResult(SensorSample.Success(
            new Measurement("water-at-switch", "", level == _activeLevel ? 1 : 0) { RawValue = level == PinValue.High ? 1 : 0, RawUnit = "level" }));
    }

    private void OnEdge(object sender, PinValueChangedEventArgs args) => _debouncer.Edge();

    public void Dispose()
    {
        _gpio.UnregisterCallbackForPinValueChangedEvent(_pin, OnEdge);
        _gpio.ClosePin(_pin);
    }
}
