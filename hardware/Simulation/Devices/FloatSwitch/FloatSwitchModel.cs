using System.Device.Gpio;
using SmartVillage.Hardware.Simulation.EnvironmentModel;
using SmartVillage.Hardware.Simulation.Gpio;

namespace SmartVillage.Hardware.Simulation.Devices.FloatSwitch;

/// <summary>
/// A float switch mounted in the tank at a height above the bottom: the float lifts when the water, with a ripple of a
/// few millimetres, reaches it. It drives a pin of the kit's <see cref="SimulatedGpioDriver"/> to the switch's active
/// level while lifted and to the other level while not, checked every half second of the kit's clock. Near the
/// switch height the ripple makes it chatter, as a real float does.
/// </summary>
public sealed class FloatSwitchModel : IDisposable
{
    private static readonly TimeSpan s_period = TimeSpan.FromMilliseconds(500);

    private readonly SimulatedEnvironment _environment;
    private readonly SimulatedGpioDriver _gpio;
    private readonly TimeProvider _time;
    private readonly SmoothNoise _ripple;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private bool _disposed;

    /// <param name="heightMetres">Height of the switch point above the tank bottom.</param>
    /// <param name="activeLevel">The pin level while the float is lifted.</param>
    public FloatSwitchModel(SimulatedEnvironment environment, SimulatedGpioDriver gpio, int pin, TimeProvider time, double heightMetres, PinValue activeLevel)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(time);
        _environment = environment;
        _gpio = gpio;
        _time = time;
        Pin = pin;
        HeightMetres = heightMetres;
        ActiveLevel = activeLevel;
        _ripple = new SmoothNoise(1, 100 + pin, TimeSpan.FromMilliseconds(700));
        Update();
        _timer = time.CreateTimer(_ => Update(), null, s_period, s_period);
    }

    public int Pin { get; }

    public double HeightMetres { get; }

    public PinValue ActiveLevel { get; }

    /// <summary>Amplitude of the waves at the float, m. Default 0.004.</summary>
    public double RippleMetres { get; set; } = 0.004;

    /// <summary>When set, the float is jammed (debris, a kinked cable) in this position whatever the water does.</summary>
    public bool? JammedLifted { get; set; }

    /// <summary>Whether the float is lifted now.</summary>
    public bool Lifted { get; private set; }

    private void Update()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetUtcNow();
            var water = _environment.At(now).WaterLevelMetres + (RippleMetres * _ripple.At(now));
            Lifted = JammedLifted ?? water >= HeightMetres;
            try
            {
                _gpio.SetInputValue(Pin, Lifted ? ActiveLevel : !ActiveLevel);
            }
            catch (InvalidOperationException)
            {
                // The kit drives this pin as an output: a wiring error the kit file's validation reports; nothing to drive.
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
