using Microsoft.Extensions.Logging.Abstractions;
using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Tests.Support;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Acquisition;

public sealed class SensorPollerTests : IAsyncLifetime, IDisposable
{
    private static readonly AcquisitionOptions s_options = new()
    {
        ReadTimeout = TimeSpan.FromMilliseconds(300),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        ReopenAfterFailures = 2,
    };

    private readonly TempFolder _folder = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private readonly SimulatedKit _hardware = new("clear-day", TimeProvider.System);
    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.StartAsync(_folder.File("r.db"));

    [Fact]
    public async Task A_throwing_sensor_is_marked_failing_and_the_others_keep_reading()
    {
        var good = Start("good", new NamedSensorFactory("steady", () => new SteadySensor(21)));
        var bad = Start("bad", new NamedSensorFactory("throwing", () => new ThrowingSensor()));

        await Eventually.HoldsAsync(() => good.Health.ReadingsAccepted >= 5 && bad.Health.ConsecutiveFailures >= 3, "both sensors were read several times");

        Assert.Equal(SensorHealthState.Ok, good.Health.State);
        Assert.Equal(SensorHealthState.Failing, bad.Health.State);
        Assert.Contains("bus exploded", bad.Health.LastError, StringComparison.Ordinal);
        Assert.Equal(0, bad.Health.ReadingsAccepted);
    }

    [Fact]
    public async Task A_failing_sensor_is_reopened_after_repeated_failures()
    {
        var factory = new NamedSensorFactory("throwing", () => new ThrowingSensor());
        Start("bad", factory);

        await Eventually.HoldsAsync(() => factory.Opened >= 3, "the driver was opened again");
    }

    [Fact]
    public async Task A_hanging_read_times_out_and_the_driver_is_replaced()
    {
        var factory = new NamedSensorFactory("hanging", () => new HangingSensor());
        var poller = Start("stuck", factory);

        await Eventually.HoldsAsync(() => factory.Opened >= 2, "a fresh driver replaced the wedged one");

        Assert.Contains("timed out", poller.Health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_values_are_a_failure_and_never_stored()
    {
        var poller = Start("garbage", new NamedSensorFactory("garbage", () => new GarbageSensor()));

        await Eventually.HoldsAsync(() => poller.Health.FailedReads >= 2, "the garbage was reported");

        Assert.Contains("NaN for humidity", poller.Health.LastError, StringComparison.Ordinal);
        Assert.Empty(_store.Log.ReadAfter(0, 10));
    }

    [Fact]
    public async Task A_driver_returning_no_sample_is_a_failure_and_the_poller_keeps_going()
    {
        var poller = Start("empty", new NamedSensorFactory("no-sample", () => new NoSampleSensor()));

        await Eventually.HoldsAsync(() => poller.Health.FailedReads >= 2, "the missing sample was reported twice");

        Assert.Equal("the driver returned no sample", poller.Health.LastError);
    }

    [Fact]
    public async Task A_quantity_name_that_is_not_senml_safe_is_a_failure_and_never_stored()
    {
        var poller = Start("named", new NamedSensorFactory("badly-named", () => new BadlyNamedSensor()));

        await Eventually.HoldsAsync(() => poller.Health.FailedReads >= 2, "the bad name was reported");

        Assert.Contains("'leaf wetness %'", poller.Health.LastError, StringComparison.Ordinal);
        Assert.Empty(_store.Log.ReadAfter(0, 10));
    }

    [Fact]
    public async Task Readings_from_simulated_hardware_are_flagged_as_simulated()
    {
        var poller = Start("good", new NamedSensorFactory("steady", () => new SteadySensor(21)));

        await Eventually.HoldsAsync(() => poller.Health.ReadingsAccepted >= 1, "a reading was stored");

        Assert.True(_store.Log.ReadAfter(0, 1)[0].Quality.HasFlag(ReadingQuality.Simulated));
    }

    private SensorPoller Start(string id, NamedSensorFactory factory)
    {
        var definition = new SensorDefinition { Id = id, Type = factory.Type, Interval = TimeSpan.FromMilliseconds(50) };
        var poller = new SensorPoller(definition, factory, _hardware, _store.Writer, s_options, TimeProvider.System, NullLogger.Instance);
        _running.Add(poller.RunAsync(_stop.Token));
        return poller;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
        await _store.DisposeAsync();
    }

    public void Dispose()
    {
        _stop.Dispose();
        _folder.Dispose();
    }
}
