using System.Device.Gpio;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Weather;

/// <summary>
/// Wind speed from a cup anemometer whose reed switch closes once or more per revolution (SparkFun/Argent 80422:
/// one closure per second = 2.4 km/h = 0.667 m/s, domain reference §3.7). Closures are counted from GPIO edges,
/// debounced (a few ms); a read reports the mean speed since the previous read (or since the sensor was opened).
/// </summary>
/// <remarks>A read less than <see cref="MinimumWindow"/> after the previous one (or the opening: the gateway reads a
/// sensor as soon as it opens it) waits for the rest of it on the injected clock. A window of a few milliseconds
/// would report 0 m/s in any wind, or hundreds of m/s if one closure fell into it.</remarks>
public sealed class AnemometerSensor : ISensor
{
    /// <summary>The shortest span a speed is counted over.</summary>
    public static readonly TimeSpan MinimumWindow = TimeSpan.FromSeconds(1);

    private readonly GpioController _gpio;
    private readonly int _pin;
    private readonly double _metresPerSecondPerHertz;
    private readonly ReedSwitchDebouncer _debouncer;
    private readonly TimeProvider _time;
    private long _windowStart;
    private int _closures;

    public AnemometerSensor(GpioController gpio, int pin, double metresPerSecondPerHertz, ReedSwitchDebouncer debouncer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(debouncer);
        ArgumentNullException.ThrowIfNull(time);
        _gpio = gpio;
        _pin = pin;
        _metresPerSecondPerHertz = metresPerSecondPerHertz;
        _debouncer = debouncer;
        _time = time;
        _windowStart = time.GetTimestamp();
        _gpio.OpenPin(pin, PinMode.InputPullUp);
        _gpio.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Falling | PinEventTypes.Rising, OnEdge);
    }

    public async ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        var rest = MinimumWindow - _time.GetElapsedTime(_windowStart);
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, _time, cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetTimestamp();
        var seconds = _time.GetElapsedTime(_windowStart, now).TotalSeconds;
        var closures = Interlocked.Exchange(ref _closures, 0);
        _windowStart = now;
        var hertz = closures / seconds;
        return SensorSample.Success(
            new Measurement("wind-speed", "m/s", Math.Round(hertz * _metresPerSecondPerHertz, 2)) { RawValue = Math.Round(hertz, 3), RawUnit = "Hz" });
    }

    private void OnEdge(object sender, PinValueChangedEventArgs args)
    {
        if (_debouncer.Edge(closing: args.ChangeType == PinEventTypes.Falling))
        {
            Interlocked.Increment(ref _closures);
        }
    }

    public void Dispose()
    {
        _gpio.UnregisterCallbackForPinValueChangedEvent(_pin, OnEdge);
        _gpio.ClosePin(_pin);
    }
}
