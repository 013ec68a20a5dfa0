using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Storage;
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

    [Fact]
    public async Task A_sensor_keeps_its_cadence_while_its_readings_wait_for_a_long_commit_interval()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
        var pollerClock = new TimerCountingClock(clock);
        await using var store = await TestStore.StartAsync(_folder.File("slow-commits.db"), new StorageOptions { CommitInterval = TimeSpan.FromMinutes(1) }, clock);
        var sensor = new CountingSensor(21);
        var definition = new SensorDefinition { Id = "air", Type = "steady", Interval = TimeSpan.FromSeconds(1) };
        var poller = new SensorPoller(definition, new NamedSensorFactory("steady", () => sensor), _hardware, store.Writer, s_options, pollerClock, NullLogger.Instance);
        _running.Add(poller.RunAsync(_stop.Token));

        // The poller creates one timer per wait for its next read; advance the clock only once it waits.
        await Eventually.HoldsAsync(() => pollerClock.TimersCreated == 1, "the first read was taken and the next one scheduled");
        for (var second = 1; second <= 10; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Eventually.HoldsAsync(() => pollerClock.TimersCreated == second + 1, $"read {second + 1} was taken one second after the previous one");
        }

        // Eleven reads, one per second, while the first of them still waits for its group to commit.
        Assert.Equal(11, sensor.Reads);
        Assert.Empty(store.Log.ReadAfter(0, 100));
        Assert.Equal(0, poller.Health.ReadingsAccepted);

        clock.Advance(TimeSpan.FromMinutes(1));
        // The group holds the eleven readings (and a twelfth if the poller read again before the writer closed it).
        await Eventually.HoldsAsync(() => poller.Health.ReadingsAccepted >= 11 && poller.Health.ReadingsAccepted == store.Writer.LastSequence,
            "the group committed and the sensor learned of every reading in it");
        var last = store.Writer.LastSequence;
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), store.Log.ReadAfter(0, 100).Select(r => r.Sequence));
        Assert.Equal(last, poller.Health.Latest.Single().Sequence);
    }

    [Fact]
    public async Task Readings_whose_commit_fails_are_counted_as_not_stored_and_none_goes_unaccounted()
    {
        var sensor = new CountingSensor(21);
        var poller = Start("air", new NamedSensorFactory("steady", () => sensor));
        await Eventually.HoldsAsync(() => poller.Health.ReadingsAccepted >= 2, "readings are stored");
        Sabotage("CREATE TRIGGER refuse BEFORE INSERT ON readings BEGIN SELECT RAISE(ABORT, 'disk says no'); END;");

        await Eventually.HoldsAsync(() => poller.Health.ReadingsNotStored >= 3, "failed commits were counted");
        Assert.Equal(SensorHealthState.Failing, poller.Health.State);
        Assert.Contains("disk says no", poller.Health.LastError, StringComparison.Ordinal);

        Sabotage("DROP TRIGGER refuse");
        var acceptedBefore = poller.Health.ReadingsAccepted;
        await Eventually.HoldsAsync(() => poller.Health.ReadingsAccepted > acceptedBefore && poller.Health.State == SensorHealthState.Ok, "storing resumed");

        // Stop reading; every read's commit then completes one way or the other.
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
        await Eventually.HoldsAsync(() => poller.Health.ReadingsAccepted + poller.Health.ReadingsNotStored == sensor.Reads, "every reading is either stored or counted as not stored");
        Assert.Equal(poller.Health.ReadingsAccepted, _store.Log.ReadAfter(0, 10_000).Count);
        Assert.Equal(0, poller.Health.FailedReads);
    }

    private void Sabotage(string sql)
    {
        using var connection = _store.Connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
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
