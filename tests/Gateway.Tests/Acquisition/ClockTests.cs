using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Tests.Support;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Acquisition;

/// <summary>A board without a real-time clock: it boots in 1970, then NTP steps the clock; or the clock jumps.</summary>
public sealed class ClockTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset s_bootTime = DateTimeOffset.UnixEpoch.AddSeconds(42);
    private static readonly DateTimeOffset s_realTime = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly SettableWallClock _clock = new(s_bootTime);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.StartAsync(_folder.File("r.db"), time: _clock);

    [Fact]
    public async Task Readings_taken_before_the_clock_was_trusted_are_re_based_when_it_becomes_trusted()
    {
        var poller = StartPoller();
        var watcher = StartWatcher();
        await Eventually.HoldsAsync(() => poller.Health.ReadingsAccepted >= 5, "readings were taken with the 1970 clock");
        var taken = _store.Log.ReadAfter(0, 1000);
        Assert.All(taken, r => Assert.True(r.Quality.HasFlag(ReadingQuality.ClockUntrusted)));

        _clock.SetWall(s_realTime);
        await Eventually.HoldsAsync(() => watcher.Trusted, "the clock was seen trusted");
        var rebased = _store.Log.ReadAfter(0, 1000).Where(r => taken.Any(t => t.Sequence == r.Sequence)).ToList();

        Assert.True(rebased.Count >= 5);
        Assert.All(rebased, r =>
        {
            Assert.True(r.Quality.HasFlag(ReadingQuality.TimeRebased));
            Assert.False(r.Quality.HasFlag(ReadingQuality.ClockUntrusted));
            // Taken during the last minute before the sync, on the real time line: not in 1970, not in the future.
            Assert.InRange(r.Time, s_realTime.AddMinutes(-1), s_realTime.AddSeconds(1));
        });
    }

    [Fact]
    public async Task Sensors_keep_their_pace_when_the_wall_clock_jumps_backward_and_forward()
    {
        _clock.SetWall(s_realTime);
        var poller = StartPoller();
        await Eventually.HoldsAsync(() => poller.Health.ReadingsAccepted >= 3, "readings flow");

        _clock.SetWall(s_realTime.AddYears(-1));
        var afterBackwardJump = poller.Health.ReadingsAccepted;
        await Eventually.HoldsAsync(() => poller.Health.ReadingsAccepted >= afterBackwardJump + 3, "readings still flow after a jump back a year");
        _clock.SetWall(s_realTime.AddYears(3));
        var afterForwardJump = poller.Health.ReadingsAccepted;
        await Eventually.HoldsAsync(() => poller.Health.ReadingsAccepted >= afterForwardJump + 3, "readings still flow after a jump three years ahead");

        var sequences = _store.Log.ReadAfter(0, 1000).Select(r => r.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task Readings_are_flagged_untrusted_while_the_required_time_sync_has_not_happened()
    {
        _clock.SetWall(s_realTime);
        var options = new AcquisitionOptions { ClockTrustedAfter = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var notYetSynchronised = new ClockTrust(options.ClockTrustedAfter, _folder.File("timesync-synchronized"));
        var poller = StartPoller(notYetSynchronised);
        await Eventually.HoldsAsync(() => poller.Health.ReadingsAccepted >= 2, "readings were taken");
        Assert.All(_store.Log.ReadAfter(0, 1000), r => Assert.True(r.Quality.HasFlag(ReadingQuality.ClockUntrusted)));

        await File.WriteAllTextAsync(_folder.File("timesync-synchronized"), "");
        var synchronisedFrom = poller.Health.ReadingsAccepted;
        await Eventually.HoldsAsync(() => poller.Health.ReadingsAccepted >= synchronisedFrom + 2, "readings were taken after the sync");

        Assert.False(_store.Log.ReadAfter(0, 1000)[^1].Quality.HasFlag(ReadingQuality.ClockUntrusted));
    }

    private SensorPoller StartPoller(ClockTrust? clock = null)
    {
        var definition = new SensorDefinition { Id = "air", Type = "steady", Interval = TimeSpan.FromMilliseconds(50) };
        var options = new AcquisitionOptions { ClockTrustedAfter = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var poller = new SensorPoller(definition, new NamedSensorFactory("steady", () => new SteadySensor(20)),
            new SimulatedKit("clear-day", _clock), _store.Writer, options, _clock, NullLogger.Instance, clock);
        _running.Add(poller.RunAsync(_stop.Token));
        return poller;
    }

    private ClockWatcher StartWatcher()
    {
        var options = new AcquisitionOptions { ClockCheckInterval = TimeSpan.FromMilliseconds(50) };
        var watcher = new ClockWatcher(new ClockTrust(options.ClockTrustedAfter), _store.Writer, Options.Create(options), _clock, NullLogger<ClockWatcher>.Instance);
        _running.Add(watcher.StartAsync(_stop.Token));
        _running.Add(Task.Run(async () =>
        {
            await _stop.Token.WhenCancelledAsync();
            await watcher.StopAsync(CancellationToken.None);
        }));
        return watcher;
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

internal static class CancellationTokenExtensions
{
    public static Task WhenCancelledAsync(this CancellationToken token)
    {
        var completion = new TaskCompletionSource();
        token.Register(() => completion.TrySetResult());
        return completion.Task;
    }
}
