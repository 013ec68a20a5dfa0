using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Tests.Support;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Storage;

/// <summary>Hourly rollups on a real SQLite file: incremental, exact, idempotent across restarts and failures.</summary>
public sealed class RollupTests : IDisposable
{
    private static readonly DateTimeOffset Midnight = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Midnight.AddHours(3).AddMinutes(30));

    // A zero commit interval commits whatever is queued at once (no timer for the fake clock to stall); maintenance
    // runs at start and when asked.
    private static StorageOptions Options() => new() { CommitInterval = TimeSpan.Zero, MaintenanceInterval = TimeSpan.FromDays(365) };

    [Fact]
    public async Task Completed_hours_are_rolled_up_and_the_hour_in_progress_is_not()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"), Options(), _time);
        var readings = EveryMinute(Midnight, 210);
        await store.Writer.AppendAsync(readings, default);

        var result = await store.Writer.MaintainNowAsync(default);

        RollupTable.AssertEquivalent(RollupTable.Expected(readings.Take(180)), RollupTable.Read(store.Connections));
        Assert.Equal(180, result.RollupWatermark);
        Assert.False(result.RollupBehind);
    }

    [Fact]
    public async Task Each_pass_adds_only_the_readings_not_rolled_up_yet_including_late_ones_for_earlier_hours()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"), Options(), _time);
        var readings = EveryMinute(Midnight, 200);
        await store.Writer.AppendAsync(readings, default);
        await store.Writer.MaintainNowAsync(default);

        _time.Advance(TimeSpan.FromHours(2));
        var later = EveryMinute(Midnight.AddMinutes(200), 100);
        // A node's backlog arriving late, for hours already rolled up.
        var late = new[] { At(Midnight.AddMinutes(5), 99.5), At(Midnight.AddMinutes(70), -3, ReadingQuality.Stuck) };
        await store.Writer.AppendAsync([.. later, .. late], default);
        await store.Writer.MaintainNowAsync(default);

        RollupTable.AssertEquivalent(RollupTable.Expected([.. readings, .. later, .. late]), RollupTable.Read(store.Connections));
    }

    [Fact]
    public async Task Rollups_count_flagged_readings_and_leave_unusable_ones_out_of_the_values()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"), Options(), _time);
        await store.Writer.AppendAsync(
            [At(Midnight, 10), At(Midnight.AddMinutes(1), 999, ReadingQuality.SensorError), At(Midnight.AddMinutes(2), 30, ReadingQuality.Stuck),
             At(Midnight.AddMinutes(3), -50, ReadingQuality.OutOfRange), At(Midnight.AddMinutes(4), 20, ReadingQuality.Simulated)],
            default);

        await store.Writer.MaintainNowAsync(default);

        var row = Assert.Single(RollupTable.Read(store.Connections));
        Assert.Equal(new RollupRow("probe", "soil-moisture", Midnight, 3, 1, 2, 10, 60, 30), row);
    }

    [Fact]
    public async Task A_restart_neither_loses_nor_counts_twice_any_reading()
    {
        var path = _folder.File("r.db");
        var readings = EveryMinute(Midnight, 200);
        await using (var store = await TestStore.StartAsync(path, Options(), _time))
        {
            await store.Writer.AppendAsync(readings[..150], default);
            await store.Writer.MaintainNowAsync(default);
        }

        await using (var store = await TestStore.StartAsync(path, Options(), _time))
        {
            await store.Writer.AppendAsync(readings[150..], default);
            await store.Writer.MaintainNowAsync(default);
        }

        await using var reopened = await TestStore.StartAsync(path, Options(), _time);
        await reopened.Writer.MaintainNowAsync(default);

        RollupTable.AssertEquivalent(RollupTable.Expected(readings.Take(180)), RollupTable.Read(reopened.Connections));
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_a_rollup_step_leaves_nothing_half_counted()
    {
        var path = _folder.File("r.db");
        await using var store = await TestStore.StartAsync(path, Options(), _time);
        var readings = EveryMinute(Midnight, 200);
        await store.Writer.AppendAsync(readings, default);
        // The step merges the readings into the rollups, then moves the watermark. Make the second half fail, as a
        // crash or an I/O error there would: if the two were not one transaction, the merge would stay and the next
        // pass would count every reading twice.
        Execute(store.Connections, """
            CREATE TRIGGER fail_watermark_insert BEFORE INSERT ON meta WHEN NEW.key = 'rollup_seq' BEGIN SELECT RAISE(ABORT, 'injected'); END;
            CREATE TRIGGER fail_watermark_update BEFORE UPDATE ON meta WHEN NEW.key = 'rollup_seq' BEGIN SELECT RAISE(ABORT, 'injected'); END;
            """);

        await Assert.ThrowsAsync<StoreWriteException>(() => store.Writer.MaintainNowAsync(default));
        Assert.Empty(RollupTable.Read(store.Connections));

        Execute(store.Connections, "DROP TRIGGER fail_watermark_insert; DROP TRIGGER fail_watermark_update;");
        await store.Writer.MaintainNowAsync(default);
        await store.Writer.MaintainNowAsync(default);

        RollupTable.AssertEquivalent(RollupTable.Expected(readings.Take(180)), RollupTable.Read(store.Connections));
    }

    [Fact]
    public async Task Readings_waiting_for_their_re_base_are_rolled_up_only_at_their_re_based_time()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"), Options(), _time);
        // Before the clock was trusted the board thought it was 1970; these readings were taken 150-120 min ago.
        var untrusted = Enumerable.Range(0, 30).Select(i => new NewReading("probe", "soil-moisture", "%", i, ReadingQuality.ClockUntrusted,
            DateTimeOffset.UnixEpoch.AddMinutes(i), 1_000_000 + (i * 60_000L))).ToList();
        var trusted = EveryMinute(Midnight.AddMinutes(90), 30);
        await store.Writer.AppendAsync([.. untrusted, .. trusted], default);

        await store.Writer.MaintainNowAsync(default);
        Assert.Empty(RollupTable.Read(store.Connections));

        // Monotonic "now" is 150 minutes after the first untrusted reading: it was taken at 01:00 (now is 03:30).
        await store.Writer.RebaseUntrustedTimesAsync(_time.GetUtcNow(), 1_000_000 + (150 * 60_000L), default);
        await store.Writer.MaintainNowAsync(default);

        var rebased = untrusted.Select((r, i) => r with { Time = Midnight.AddHours(1).AddMinutes(i), Quality = ReadingQuality.TimeRebased });
        RollupTable.AssertEquivalent(RollupTable.Expected([.. rebased, .. trusted]), RollupTable.Read(store.Connections));
    }

    [Fact]
    public async Task Untrusted_readings_of_an_earlier_boot_are_rolled_up_at_the_time_they_keep()
    {
        var path = _folder.File("r.db");
        var untrusted = EveryMinute(Midnight, 30).Select(r => r with { Quality = ReadingQuality.ClockUntrusted }).ToList();
        await using (var store = await TestStore.StartAsync(path, Options(), _time, boot: "boot-1"))
        {
            await store.Writer.AppendAsync(untrusted, default);
            await store.Writer.MaintainNowAsync(default);
            Assert.Empty(RollupTable.Read(store.Connections));
        }

        // A new kernel boot: those readings can never be re-based (their monotonic clock is gone), so their time is final.
        await using var rebooted = await TestStore.StartAsync(path, Options(), _time, boot: "boot-2");
        await rebooted.Writer.MaintainNowAsync(default);

        RollupTable.AssertEquivalent(RollupTable.Expected(untrusted), RollupTable.Read(rebooted.Connections));
    }

    [Fact]
    public async Task Rollups_wait_while_the_clock_is_not_trusted()
    {
        var clock = new ClockTrust(Midnight.AddYears(1));
        var path = _folder.File("r.db");
        var connections = new SqliteConnections(path, SqliteSynchronous.Full);
        var state = StoreOpener.Open(connections, "gw-test", new BootIdentity("boot-1"), _time);
        using var writer = new ReadingWriter(connections, Microsoft.Extensions.Options.Options.Create(Options()), state, new CommitSignal(state), _time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ReadingWriter>.Instance, clock: clock);
        await writer.StartAsync(default);
        try
        {
            await writer.AppendAsync(EveryMinute(Midnight, 200), default);
            var result = await writer.MaintainNowAsync(default);

            Assert.Equal(0, result.RollupWatermark);
        }
        finally
        {
            await writer.StopAsync(default);
        }
    }

    public void Dispose() => _folder.Dispose();

    internal static NewReading At(DateTimeOffset time, double value, ReadingQuality quality = ReadingQuality.Good, string sensor = "probe", string quantity = "soil-moisture") =>
        new(sensor, quantity, "%", value, quality, time, (long)(time - Midnight).TotalMilliseconds);

    /// <summary>One reading a minute from <paramref name="start"/>, with values that vary irregularly.</summary>
    internal static NewReading[] EveryMinute(DateTimeOffset start, int minutes) =>
        [.. Enumerable.Range(0, minutes).Select(i => At(start.AddMinutes(i), Math.Round(20 + (7 * Math.Sin(i * 0.37)) + (i % 11 * 0.13), 2)))];

    private static void Execute(SqliteConnections connections, string sql)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
