using System.Device.Gpio;
using SmartVillage.Hardware.Simulation.Gpio;

namespace SmartVillage.Plugins.Tests.Gpio;

public sealed class SimulatedGpioDriverTests : IDisposable
{
    private const int Pin = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly SimulatedGpioDriver _driver = new();
    private readonly GpioController _controller;

    public SimulatedGpioDriverTests() => _controller = new GpioController(_driver);

    public void Dispose() => _controller.Dispose();

    [Fact]
    public void The_chip_has_the_pins_of_a_raspberry_pi_header() =>
        Assert.Equal(SimulatedGpioDriver.DefaultPinCount, _controller.PinCount);

    [Fact]
    public void Opening_a_pin_the_chip_does_not_have_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _controller.OpenPin(SimulatedGpioDriver.DefaultPinCount));

    [Fact]
    public void The_mode_set_through_the_controller_is_tracked()
    {
        _controller.OpenPin(Pin, PinMode.InputPullUp);

        Assert.Equal(PinMode.InputPullUp, _controller.GetPinMode(Pin));
        Assert.Equal(PinMode.InputPullUp, _driver.GetMode(Pin));
    }

    [Fact]
    public void Writes_to_an_output_reach_its_observers_in_order()
    {
        var seen = new List<PinValue>();
        using IDisposable observation = _driver.ObserveOutput(Pin, seen.Add);
        _controller.OpenPin(Pin, PinMode.Output, PinValue.High);

        _controller.Write(Pin, PinValue.Low);
        _controller.Write(Pin, PinValue.High);

        Assert.Equal([PinValue.High, PinValue.Low, PinValue.High], seen);
        Assert.Equal(PinValue.High, _controller.Read(Pin));
    }

    [Fact]
    public void Writes_to_an_input_are_not_seen_on_the_line()
    {
        var seen = new List<PinValue>();
        using IDisposable observation = _driver.ObserveOutput(Pin, seen.Add);
        _controller.OpenPin(Pin, PinMode.Input);

        _controller.Write(Pin, PinValue.High);

        Assert.Empty(seen);
        Assert.Equal(PinValue.Low, _controller.Read(Pin));
    }

    [Fact]
    public void Driving_an_input_high_calls_a_rising_edge_callback_before_returning()
    {
        _controller.OpenPin(Pin, PinMode.Input);
        var edges = new List<(PinEventTypes Type, int Pin)>();
        _controller.RegisterCallbackForPinValueChangedEvent(Pin, PinEventTypes.Rising, (_, e) => edges.Add((e.ChangeType, e.PinNumber)));

        _driver.SetInputValue(Pin, PinValue.High);

        Assert.Equal([(PinEventTypes.Rising, Pin)], edges);
        Assert.Equal(PinValue.High, _controller.Read(Pin));
    }

    [Fact]
    public void A_falling_edge_does_not_reach_a_rising_edge_callback()
    {
        _controller.OpenPin(Pin, PinMode.Input);
        _driver.SetInputValue(Pin, PinValue.High);
        int calls = 0;
        _controller.RegisterCallbackForPinValueChangedEvent(Pin, PinEventTypes.Rising, (_, _) => calls++);

        _driver.SetInputValue(Pin, PinValue.Low);

        Assert.Equal(0, calls);
    }

    [Fact]
    public void Driving_an_input_to_the_level_it_already_has_raises_no_edge()
    {
        _controller.OpenPin(Pin, PinMode.Input);
        int calls = 0;
        _controller.RegisterCallbackForPinValueChangedEvent(Pin, PinEventTypes.Rising | PinEventTypes.Falling, (_, _) => calls++);

        _driver.SetInputValue(Pin, PinValue.Low);

        Assert.Equal(0, calls);
    }

    [Fact]
    public void An_unregistered_callback_is_not_called()
    {
        _controller.OpenPin(Pin, PinMode.Input);
        int calls = 0;
        PinChangeEventHandler callback = (_, _) => calls++;
        _controller.RegisterCallbackForPinValueChangedEvent(Pin, PinEventTypes.Rising, callback);
        _controller.UnregisterCallbackForPinValueChangedEvent(Pin, callback);

        _driver.SetInputValue(Pin, PinValue.High);

        Assert.Equal(0, calls);
    }

    [Fact]
    public void A_released_pull_up_input_reads_high_and_rises()
    {
        _controller.OpenPin(Pin, PinMode.InputPullUp);
        _driver.SetInputValue(Pin, PinValue.Low);
        int rising = 0;
        _controller.RegisterCallbackForPinValueChangedEvent(Pin, PinEventTypes.Rising, (_, _) => rising++);

        _driver.ReleaseInput(Pin);

        Assert.Equal(PinValue.High, _controller.Read(Pin));
        Assert.Equal(1, rising);
    }

    [Fact]
    public void Pulses_on_a_pull_up_input_give_one_falling_edge_each()
    {
        _controller.OpenPin(Pin, PinMode.InputPullUp);
        int falling = 0;
        _controller.RegisterCallbackForPinValueChangedEvent(Pin, PinEventTypes.Falling, (_, _) => falling++);

        _driver.Pulse(Pin, count: 3);

        Assert.Equal(3, falling);
        Assert.Equal(PinValue.High, _controller.Read(Pin));
    }

    [Fact]
    public void The_simulation_cannot_drive_a_pin_the_gateway_drives_as_an_output()
    {
        _controller.OpenPin(Pin, PinMode.Output);

        Assert.Throws<InvalidOperationException>(() => _driver.SetInputValue(Pin, PinValue.High));
    }

    [Fact]
    public async Task Waiting_for_an_edge_returns_the_edge_that_happens()
    {
        _controller.OpenPin(Pin, PinMode.Input);
        ValueTask<WaitForEventResult> waiting = _controller.WaitForEventAsync(Pin, PinEventTypes.Rising, Patience);

        _driver.SetInputValue(Pin, PinValue.High);
        WaitForEventResult result = await waiting;

        Assert.False(result.TimedOut);
        Assert.Equal(PinEventTypes.Rising, result.EventTypes);
    }

    [Fact]
    public void Waiting_for_an_edge_with_a_cancelled_token_reports_a_timeout()
    {
        _controller.OpenPin(Pin, PinMode.Input);

        WaitForEventResult result = _controller.WaitForEvent(Pin, PinEventTypes.Rising, new CancellationToken(canceled: true));

        Assert.True(result.TimedOut);
    }

    [Fact]
    public void Closing_a_pin_drops_its_callbacks()
    {
        _controller.OpenPin(Pin, PinMode.Input);
        int calls = 0;
        _controller.RegisterCallbackForPinValueChangedEvent(Pin, PinEventTypes.Rising, (_, _) => calls++);
        _controller.ClosePin(Pin);

        _driver.SetInputValue(Pin, PinValue.High);

        Assert.Equal(0, calls);
    }
}
