using System.Device.Gpio;

namespace SmartVillage.Hardware.Simulation.Gpio;

/// <summary>The state of one simulated GPIO line. Guarded by the owning driver's lock.</summary>
internal sealed class SimulatedPin
{
    public bool IsOpen { get; set; }

    public PinMode Mode { get; set; } = PinMode.Input;

    /// <summary>The output latch: what the gateway last wrote (kept while the pin is an input, as on a Pi).</summary>
    public PinValue OutputLatch { get; set; } = PinValue.Low;

    /// <summary>The level the simulated outside world drives onto the line; null = nothing drives it.</summary>
    public PinValue? ExternalLevel { get; set; }

    public List<(PinEventTypes Types, PinChangeEventHandler Callback)> Callbacks { get; } = [];

    public List<Action<PinValue>> OutputObservers { get; } = [];

    public List<(PinEventTypes Types, TaskCompletionSource<PinEventTypes> Completion)> Waiters { get; } = [];

    /// <summary>
    /// The level the gateway reads: the latch for an output; otherwise the external level, else the pull
    /// resistor's level. A floating input with no pull reads Low (deterministic stand-in for "undefined").
    /// </summary>
    public PinValue Level => Mode switch
    {
        PinMode.Output => OutputLatch,
        _ when ExternalLevel is { } driven => driven,
        PinMode.InputPullUp => PinValue.High,
        _ => PinValue.Low,
    };
}
