using System.Device.Gpio;
using SmartVillage.Hardware.Simulation.EnvironmentModel;
using SmartVillage.Hardware.Simulation.Gpio;

namespace SmartVillage.Hardware.Simulation.Devices.ReedSwitch;

/// <summary>
/// A reed switch that a magnet closes to GND at a rate the environment sets: the tipping bucket of a rain gauge or
/// the cups of an anemometer (SparkFun/Argent 80422: 0.2794 mm per tip; one closure per second = 2.4 km/h). It drives
/// a pin of the kit's <see cref="SimulatedGpioDriver"/> on the kit's clock: closed (driven low, with contact bounce),
/// then released to the pin's pull-up.
/// </summary>
/// <remarks>
/// <para>Closures accumulate as a phase (rate × time); each whole unit is one closure. A timer on the kit's clock
/// wakes at the next closure or release, and at least once a second to follow the changing rate. Edges happen at
/// timer callbacks, so under a test clock that jumps, a step must be shorter than the switch's pulses for every
/// closure to be seen: the anemometer drops closures it could not emit in time (a jump is not a gale); the rain
/// gauge keeps them and tips them out one by one, so no rain is lost.</para>
/// <para>Each transition bounces: the contact chatters <see cref="Bounces"/> extra edges at the same instant, which
/// a debouncer must absorb.</para>
/// </remarks>
public sealed class ReedSwitchModel : IDisposable
{
    private static readonly TimeSpan s_longestSleep = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_shortestSleep = TimeSpan.FromMilliseconds(1);

    private readonly SimulatedEnvironment _environment;
    private readonly SimulatedGpioDriver _gpio;
    private readonly TimeProvider _time;
    private readonly Func<EnvironmentConditions, double> _closuresPerSecond;
    private readonly Func<double, TimeSpan> _closedFor;
    private readonly TimeSpan _minimumOpen;
    private readonly bool _keepsBacklog;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private DateTimeOffset _last;
    private DateTimeOffset _openedAt;
    private DateTimeOffset? _releaseAt;
    private double _phase;
    private bool _disposed;

    private ReedSwitchModel(
        SimulatedEnvironment environment, SimulatedGpioDriver gpio, int pin, TimeProvider time,
        Func<EnvironmentConditions, double> closuresPerSecond, Func<double, TimeSpan> closedFor,
        TimeSpan minimumOpen, bool keepsBacklog, double startPhase)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(time);
        _environment = environment;
        _gpio = gpio;
        Pin = pin;
        _time = time;
        _closuresPerSecond = closuresPerSecond;
        _closedFor = closedFor;
        _minimumOpen = minimumOpen;
        _keepsBacklog = keepsBacklog;
        _phase = startPhase;
        _last = _openedAt = time.GetUtcNow();
        // Armed only once assigned: a callback on another thread must never find the timer field still null.
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(s_shortestSleep, Timeout.InfiniteTimeSpan);
    }

    public int Pin { get; }

    /// <summary>Closures made so far (each one real closure, bounces not counted).</summary>
    public int Closures { get; private set; }

    /// <summary>Extra edges of contact bounce at each closing and opening. Default 2.</summary>
    public int Bounces { get; set; } = 2;

    /// <summary>Why the last edge could not be driven (the pin was made an output), or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>
    /// A tipping-bucket rain gauge: one tip per <paramref name="millimetresPerTip"/> of rain, the magnet closing the
    /// switch for 50 ms as the bucket swings. The bucket starts nine-tenths full, so a storm's first tip comes
    /// within about a minute of the start.
    /// </summary>
    public static ReedSwitchModel TippingBucket(
        SimulatedEnvironment environment, SimulatedGpioDriver gpio, int pin, TimeProvider time, double millimetresPerTip = 0.2794) =>
        new(environment, gpio, pin, time,
            c => c.RainRateMillimetresPerHour / millimetresPerTip / 3600,
            _ => TimeSpan.FromMilliseconds(50),
            minimumOpen: TimeSpan.FromMilliseconds(250),
            keepsBacklog: true,
            startPhase: 0.9);

    /// <summary>
    /// A cup anemometer: <paramref name="metresPerSecondPerHertz"/> of wind per closure per second, the switch closed
    /// for about a third of a turn (at most 25 ms).
    /// </summary>
    public static ReedSwitchModel CupAnemometer(
        SimulatedEnvironment environment, SimulatedGpioDriver gpio, int pin, TimeProvider time, double metresPerSecondPerHertz = 2.4 / 3.6) =>
        new(environment, gpio, pin, time,
            c => c.WindSpeedMetresPerSecond / metresPerSecondPerHertz,
            hertz => TimeSpan.FromSeconds(Math.Min(0.025, 0.3 / hertz)),
            minimumOpen: TimeSpan.FromMilliseconds(5),
            keepsBacklog: false,
            startPhase: 0);

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            TimeSpan sleep;
            try
            {
                sleep = Step(_time.GetUtcNow());
            }
            catch (InvalidOperationException e)
            {
                // The kit made this pin an output: the switch cannot drive it. Keep the reason, keep running.
                LastError = e.Message;
                sleep = s_longestSleep;
            }

            _timer.Change(sleep < s_shortestSleep ? s_shortestSleep : sleep, Timeout.InfiniteTimeSpan);
        }
    }

    /// <returns>How long to sleep until the next thing happens.</returns>
    private TimeSpan Step(DateTimeOffset now)
    {
        var rate = Math.Max(0, _closuresPerSecond(_environment.At(now)));
        _phase += rate * Math.Max(0, (now - _last).TotalSeconds);
        _last = now;
        if (!_keepsBacklog)
        {
            _phase = Math.Min(_phase, 1);
        }

        if (_releaseAt is { } releaseAt)
        {
            if (now < releaseAt)
            {
                return releaseAt - now;
            }

            Transition(closed: false);
            _releaseAt = null;
            _openedAt = now;
        }
        else if (_phase >= 1 && now - _openedAt >= _minimumOpen)
        {
            _phase -= 1;
            Closures++;
            Transition(closed: true);
            var closedFor = _closedFor(rate);
            _releaseAt = now + closedFor;
            return closedFor;
        }

        if (_phase >= 1)
        {
            return _minimumOpen - (now - _openedAt);
        }

        return rate > 0 ? TimeSpan.FromSeconds(Math.Min(s_longestSleep.TotalSeconds, (1 - _phase) / rate)) : s_longestSleep;
    }

    /// <summary>Closes (drives low) or opens (releases to the pull-up) the contact, bouncing on the way.</summary>
    private void Transition(bool closed)
    {
        for (var edge = 0; edge <= 2 * Bounces; edge++)
        {
            var contact = edge % 2 == 0 ? closed : !closed;
            if (contact)
            {
                _gpio.SetInputValue(Pin, PinValue.Low);
            }
            else
            {
                _gpio.ReleaseInput(Pin);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }
}
