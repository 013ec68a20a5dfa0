using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Tests.Support;

namespace SmartVillage.Gateway.Tests.Storage;

public sealed class ReadingWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Sequence_numbers_increase_by_exactly_one_per_accepted_reading()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"));
        var first = await store.Writer.AppendAsync([TestStore.Reading(), TestStore.Reading()], default);
        var second = await store.Writer.AppendAsync([TestStore.Reading(value: 3)], default);

        Assert.Equal(new CommittedRange(1, 2), first);
        Assert.Equal(new CommittedRange(3, 3), second);
        Assert.Equal([1L, 2L, 3L], store.Log.ReadAfter(0, 10).Select(r => r.Sequence));
    }

    [Fact]
    public async Task Sequence_numbers_continue_after_a_restart_without_reuse()
    {
        var path = _folder.File("r.db");
        await using (var store = await TestStore.StartAsync(path))
        {
            await store.Writer.AppendAsync([TestStore.Reading(), TestStore.Reading()], default);
        }

        await using var reopened = await TestStore.StartAsync(path);
        var range = await reopened.Writer.AppendAsync([TestStore.Reading()], default);

        Assert.Equal(3, range.First);
    }

    [Fact]
    public async Task A_sequence_number_is_never_given_twice_even_when_its_rows_are_gone()
    {
        var path = _folder.File("r.db");
        await using (var store = await TestStore.StartAsync(path))
        {
            await store.Writer.AppendAsync([TestStore.Reading(), TestStore.Reading(), TestStore.Reading()], default);
        }

        // A quota no database can meet: every reading is given up, the newest included.
        await using (var starved = await TestStore.StartAsync(path, new StorageOptions { QuotaBytes = 1, MaintenanceInterval = TimeSpan.Zero }))
        {
            await Eventually.HoldsAsync(() => starved.Log.ReadAfter(0, 10).Count == 0, "the quota removed every reading");
        }

        await using var reopened = await TestStore.StartAsync(path);
        var range = await reopened.Writer.AppendAsync([TestStore.Reading()], default);

        Assert.Equal(4, range.First);
    }

    [Fact]
    public async Task Stored_readings_read_back_with_sensor_quantity_unit_value_and_time()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"));
        var written = TestStore.Reading(sensor: "soil-1", value: 0.231, quantity: "soil-vwc") with { Unit = "/" };
        await store.Writer.AppendAsync([written], default);

        var read = Assert.Single(store.Log.ReadAfter(0, 10));

        Assert.Equal(("soil-1", "soil-vwc", "/", 0.231, written.Time), (read.SensorId, read.Quantity, read.Unit, read.Value, read.Time));
    }

    [Fact]
    public async Task A_calibrated_reading_keeps_its_raw_value_and_calibration_id()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"));
        var written = TestStore.Reading(sensor: "tank-ph", value: 7.01, quantity: "ph") with { Unit = "pH", RawValue = -3.2, RawUnit = "mV", CalibrationId = "ph-2026-11-24-1" };
        await store.Writer.AppendAsync([written, TestStore.Reading()], default);

        var read = store.Log.ReadAfter(0, 10);

        Assert.Equal((-3.2, "mV", "ph-2026-11-24-1"), (read[0].RawValue, read[0].RawUnit, read[0].CalibrationId));
        Assert.Equal((null, null, null), (read[1].RawValue, read[1].RawUnit, read[1].CalibrationId));
    }

    [Fact]
    public async Task Readings_queued_together_are_committed_in_one_group()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"), new StorageOptions
        {
            CommitInterval = TimeSpan.FromMilliseconds(200),
            MaxGroupSize = 1000,
        });

        var appends = Enumerable.Range(0, 50).Select(_ => store.Writer.AppendAsync([TestStore.Reading()], default)).ToList();
        await Task.WhenAll(appends);

        // 50 producers, one writer: far fewer transactions than readings.
        Assert.Equal(50, store.Writer.LastSequence);
        Assert.InRange(CountCommits(store), 1, 10);
    }

    [Fact]
    public async Task A_failed_commit_reports_failure_and_gives_away_no_sequence_number()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"));
        await store.Writer.AppendAsync([TestStore.Reading()], default);
        using (var connection = store.Connections.Open())
        using (var sabotage = connection.CreateCommand())
        {
            // Every insert now fails inside the writer's transaction, as a full disk or I/O error would.
            sabotage.CommandText = "CREATE TRIGGER refuse BEFORE INSERT ON readings BEGIN SELECT RAISE(ABORT, 'disk says no'); END;";
            sabotage.ExecuteNonQuery();
        }

        var failure = await Assert.ThrowsAsync<StoreWriteException>(() => store.Writer.AppendAsync([TestStore.Reading()], default));
        using (var connection = store.Connections.Open())
        using (var repair = connection.CreateCommand())
        {
            repair.CommandText = "DROP TRIGGER refuse";
            repair.ExecuteNonQuery();
        }

        var next = await store.Writer.AppendAsync([TestStore.Reading()], default);

        Assert.Contains("disk says no", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, next.First);
        Assert.Equal(1, store.Writer.FailedCommits);
    }

    [Fact]
    public async Task An_upstream_cursor_is_persisted_and_never_moves_backwards()
    {
        var path = _folder.File("r.db");
        await using (var store = await TestStore.StartAsync(path))
        {
            await store.Writer.AppendAsync([TestStore.Reading(), TestStore.Reading(), TestStore.Reading()], default);
            await store.Writer.AdvanceCursorAsync("coop", 3, default);
            await store.Writer.AdvanceCursorAsync("coop", 2, default);
            await store.Writer.AppendAsync([TestStore.Reading()], default);
        }

        await using var reopened = await TestStore.StartAsync(path);

        Assert.Equal(3, reopened.Log.ReadCursor("coop"));
        Assert.Equal(0, reopened.Log.ReadCursor("never-connected"));
    }

    [Fact]
    public async Task A_cursor_move_does_not_commit_on_its_own_but_rides_with_the_next_readings()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
        var writerClock = new TimerCountingClock(clock);
        await using var store = await TestStore.StartAsync(_folder.File("r.db"), new StorageOptions { CommitInterval = TimeSpan.FromSeconds(1) }, writerClock);

        await store.Writer.AdvanceCursorAsync("coop", 7, default);
        await Eventually.HoldsAsync(() => writerClock.TimersCreated == 1, "the writer holds the cursor move");
        clock.Advance(TimeSpan.FromSeconds(30));
        var append = store.Writer.AppendAsync([TestStore.Reading()], default);
        await Eventually.HoldsAsync(() => writerClock.TimersCreated == 2, "the reading's group waits for its commit interval");
        clock.Advance(TimeSpan.FromSeconds(1));
        await append;

        // Thirty commit intervals passed with only the cursor waiting: it was committed once, with the reading.
        Assert.Equal(1, store.Writer.CommitsSinceStart);
        Assert.Equal(7, store.Log.ReadCursor("coop"));
    }

    [Fact]
    public async Task A_cursor_move_with_no_readings_to_ride_with_is_committed_after_the_cursor_delay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
        var writerClock = new TimerCountingClock(clock);
        await using var store = await TestStore.StartAsync(_folder.File("r.db"), new StorageOptions { CommitInterval = TimeSpan.FromSeconds(1) }, writerClock);

        await store.Writer.AdvanceCursorAsync("coop", 7, default);
        await Eventually.HoldsAsync(() => writerClock.TimersCreated == 1, "the writer holds the cursor move");
        clock.Advance(ReadingWriter.CursorOnlyDelay);

        await Eventually.HoldsAsync(() => store.Log.ReadCursor("coop") == 7, "the cursor was committed alone");
        Assert.Equal(1, store.Writer.CommitsSinceStart);
    }

    [Fact]
    public async Task Readings_whose_sender_awaits_the_acknowledgement_commit_within_the_short_interval_and_take_the_group_along()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
        var writerClock = new TimerCountingClock(clock);
        var options = new StorageOptions { CommitInterval = TimeSpan.FromSeconds(30), AcknowledgedCommitInterval = TimeSpan.FromSeconds(1) };
        await using var store = await TestStore.StartAsync(_folder.File("r.db"), options, writerClock);

        var fromSensor = await store.Writer.QueueAsync([TestStore.Reading()], default);
        await Eventually.HoldsAsync(() => writerClock.TimersCreated == 1, "the sensor's reading waits for the commit interval");
        var fromNode = store.Writer.AppendAsync([TestStore.Reading(sensor: "node-7")], CommitDeadline.SenderAwaitsAcknowledgement, default);
        await Eventually.HoldsAsync(() => writerClock.TimersCreated == 2, "the group now waits for the acknowledged reading's deadline");
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(new CommittedRange(2, 2), await fromNode);
        Assert.Equal(new CommittedRange(1, 1), await fromSensor);
        Assert.Equal(1, store.Writer.CommitsSinceStart);
    }

    [Fact]
    public async Task Readings_queued_when_the_gateway_stops_are_committed_before_it_exits()
    {
        var path = _folder.File("r.db");
        Task<CommittedRange> pending;
        await using (var store = await TestStore.StartAsync(path, new StorageOptions { CommitInterval = TimeSpan.FromMinutes(5) }))
        {
            pending = store.Writer.AppendAsync([TestStore.Reading()], default);
        }

        Assert.Equal(1, (await pending).First);
        await using var reopened = await TestStore.StartAsync(path);
        Assert.Single(reopened.Log.ReadAfter(0, 10));
    }

    [Fact]
    public async Task The_gateway_id_generated_at_first_start_is_kept()
    {
        var path = _folder.File("r.db");
        var connections = new SqliteConnections(path, SqliteSynchronous.Full);
        var first = StoreOpener.Open(connections, null, new BootIdentity("b1"), TimeProvider.System);
        var second = StoreOpener.Open(connections, null, new BootIdentity("b2"), TimeProvider.System);

        Assert.StartsWith("gw-", first.GatewayId, StringComparison.Ordinal);
        Assert.Equal(first.GatewayId, second.GatewayId);
        Assert.NotEqual(first.BootRow, second.BootRow);
    }

    private static long CountCommits(TestStore store) => store.Writer.CommitsSinceStart;

    public void Dispose() => _folder.Dispose();
}
