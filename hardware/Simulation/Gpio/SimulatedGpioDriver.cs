using System.Device.Gpio;

namespace SmartVillage.Hardware.Simulation.Gpio;

/// <summary>
/// A GPIO chip for the simulated kit, used through a real <see cref="GpioController"/>. The gateway side sees
/// ordinary pins; the simulation side drives input lines (<see cref="SetInputValue"/>, <see cref="ReleaseInput"/>,
/// <see cref="Pulse"/>) and watches output lines (<see cref="ObserveOutput"/>), which is how device models see a
/// RESET pulse or raise an interrupt line.
/// </summary>
/// <remarks>
/// <para>Threading: edge callbacks run synchronously on the thread that changed the level, before
/// <see cref="SetInputValue"/> returns, in registration order, with no lock held (a callback may read pins or
/// cause further edges). This keeps tests deterministic: once a simulated edge is raised, its effects have
/// happened. An exception thrown by a callback reaches the caller of <see cref="SetInputValue"/>.</para>
/// <para>Edges are reported only for input lines: lines configured as outputs are driven by the gateway and
/// reported to output observers instead.</para>
/// </remarks>
public sealed class SimulatedGpioDriver : GpioDriver
{
    /// <summary>Header GPIO lines of a Raspberry Pi (BCM 0-27).</summary>
    public const int DefaultPinCount = 28;

    private readonly Lock _gate = new();
    private readonly SimulatedPin[] _pins;

    public SimulatedGpioDriver(int pinCount = DefaultPinCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pinCount);
        _pins = new SimulatedPin[pinCount];
        for (int i = 0; i < pinCount; i++)
        {
            _pins[i] = new SimulatedPin();
        }
    }

    protected override int PinCount => _pins.Length;

    /// <summary>Drives an input line from outside (a sensor, a radio's DIO line) and raises the resulting edge.</summary>
    /// <exception cref="InvalidOperationException">The gateway drives this line as an output (a short circuit).</exception>
    public void SetInputValue(int pinNumber, PinValue value) => ChangeExternal(pinNumber, value);

    /// <summary>Stops driving a line: it falls back to its pull resistor (a reed switch opening).</summary>
    public void ReleaseInput(int pinNumber) => ChangeExternal(pinNumber, null);

    /// <summary>Drives <paramref name="count"/> pulses away from the line's current level and back.</summary>
    public void Pulse(int pinNumber, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (int i = 0; i < count; i++)
        {
            PinValue idle = GetLevel(pinNumber);
            SetInputValue(pinNumber, !idle);
            SetInputValue(pinNumber, idle);
        }
    }

    /// <summary>The level on the line as the gateway would read it, whether or not the pin is open.</summary>
    public PinValue GetLevel(int pinNumber)
    {
        lock (_gate)
        {
            return Pin(pinNumber).Level;
        }
    }

    /// <summary>The mode the gateway last set, whether or not the pin is open.</summary>
    public PinMode GetMode(int pinNumber)
    {
        lock (_gate)
        {
            return Pin(pinNumber).Mode;
        }
    }

    /// <summary>
    /// Calls <paramref name="onWrite"/> with every value the gateway writes to the line while it is an output
    /// (repeated values included), synchronously on the writing thread. Dispose the result to stop observing.
    /// </summary>
    public IDisposable ObserveOutput(int pinNumber, Action<PinValue> onWrite)
    {
        ArgumentNullException.ThrowIfNull(onWrite);
        lock (_gate)
        {
            Pin(pinNumber).OutputObservers.Add(onWrite);
        }

        return new Unsubscriber(() =>
        {
            lock (_gate)
            {
                Pin(pinNumber).OutputObservers.Remove(onWrite);
            }
        });
    }

    protected override void OpenPin(int pinNumber)
    {
        lock (_gate)
        {
            Pin(pinNumber).IsOpen = true;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        List<TaskCompletionSource<PinEventTypes>> waiters;
        lock (_gate)
        {
            SimulatedPin pin = Pin(pinNumber);
            pin.IsOpen = false;
            pin.Mode = PinMode.Input;
            pin.Callbacks.Clear();
            waiters = [.. pin.Waiters.Select(w => w.Completion)];
            pin.Waiters.Clear();
        }

        // A waiter on a closed pin would never see an edge again: end its wait as timed out.
        foreach (TaskCompletionSource<PinEventTypes> waiter in waiters)
        {
            waiter.TrySetResult(PinEventTypes.None);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        if (!IsPinModeSupported(pinNumber, mode))
        {
            throw new InvalidOperationException($"Simulated GPIO {pinNumber} does not support mode {mode}.");
        }

        lock (_gate)
        {
            Pin(pinNumber).Mode = mode;
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        // Load the latch before switching to output so observers never see a glitch to the old latch value.
        lock (_gate)
        {
            Pin(pinNumber).OutputLatch = initialValue;
        }

        SetPinMode(pinNumber, mode);
        if (mode == PinMode.Output)
        {
            Write(pinNumber, initialValue);
        }
    }

    protected override PinMode GetPinMode(int pinNumber) => GetMode(pinNumber);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    protected override PinValue Read(int pinNumber) => GetLevel(pinNumber);

    protected override void Write(int pinNumber, PinValue value)
    {
        Action<PinValue>[] observers;
        lock (_gate)
        {
            SimulatedPin pin = Pin(pinNumber);
            pin.OutputLatch = value;
            if (pin.Mode != PinMode.Output)
            {
                return;
            }

            observers = [.. pin.OutputObservers];
        }

        foreach (Action<PinValue> observer in observers)
        {
            observer(value);
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        WaitForEventAsync(pinNumber, eventTypes, cancellationToken).AsTask().GetAwaiter().GetResult();

    protected override async ValueTask<WaitForEventResult> WaitForEventAsync(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        // Continuations run asynchronously so a waiter never runs inside SetInputValue's caller.
        var completion = new TaskCompletionSource<PinEventTypes>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            Pin(pinNumber).Waiters.Add((eventTypes, completion));
        }

        try
        {
            PinEventTypes seen = await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new WaitForEventResult { EventTypes = seen, TimedOut = seen == PinEventTypes.None };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // GpioController's contract: cancellation is how a timeout is expressed, reported as TimedOut, not thrown.
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            lock (_gate)
            {
                Pin(pinNumber).Waiters.Remove((eventTypes, completion));
            }
        }
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            Pin(pinNumber).Callbacks.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            Pin(pinNumber).Callbacks.RemoveAll(c => c.Callback == callback);
        }
    }

    private void ChangeExternal(int pinNumber, PinValue? value)
    {
        PinEventTypes edge;
        PinChangeEventHandler[] callbacks;
        TaskCompletionSource<PinEventTypes>[] waiters;
        lock (_gate)
        {
            SimulatedPin pin = Pin(pinNumber);
            if (pin.Mode == PinMode.Output && value is not null)
            {
                throw new InvalidOperationException(
                    $"Simulated GPIO {pinNumber} is an output driven by the gateway; the simulation cannot drive it too.");
            }

            PinValue before = pin.Level;
            pin.ExternalLevel = value;
            PinValue after = pin.Level;
            if (before == after || pin.Mode == PinMode.Output)
            {
                return;
            }

            edge = after == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            callbacks = [.. pin.Callbacks.Where(c => (c.Types & edge) != 0).Select(c => c.Callback)];
            waiters = [.. pin.Waiters.Where(w => (w.Types & edge) != 0).Select(w => w.Completion)];
        }

        foreach (TaskCompletionSource<PinEventTypes> waiter in waiters)
        {
            waiter.TrySetResult(edge);
        }

        var args = new PinValueChangedEventArgs(edge, pinNumber);
        foreach (PinChangeEventHandler callback in callbacks)
        {
            callback(this, args);
        }
    }

    private SimulatedPin Pin(int pinNumber)
    {
        if ((uint)pinNumber >= (uint)_pins.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"The simulated GPIO chip has pins 0-{_pins.Length - 1}.");
        }

        return _pins[pinNumber];
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
