using Microsoft.Extensions.Time.Testing;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Tests.Support;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Storage;

/// <summary>Readings leave the log, their history stays: horizon, quota, and the rollups' own retention.</summary>
public sealed class RollupRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 30, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Now);

    private static StorageOptions Options(long quota = long.MaxValue, int historyDays = 90, int rollupDays = 730) => new()
    {
        CommitInterval = TimeSpan.Zero,
        MaintenanceInterval = TimeSpan.FromDays(365),
        QuotaBytes = quota,
        History = TimeSpan.FromDays(historyDays),
        RollupHistory = TimeSpan.FromDays(rollupDays),
    };

    [Fact]
    public async Task Readings_removed_at_the_history_horizon_keep_their_hours_in_the_history()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"), Options(historyDays: 30), _time, ["coop"]);
        var old = Minutes(Now.AddDays(-40), 300);
        var range = await store.Writer.AppendAsync(old, default);
        var history = new HistoryQuery(store.Connections);
        var (from, to) = (Now.AddDays(-41).AddMinutes(-30), Now.AddDays(-38).AddMinutes(-30));
        var before = history.ReadRaw("probe", "soil-moisture", from, to, TimeSpan.FromHours(6));

        await store.Writer.AdvanceCursorAsync("coop", range.Last, default);
        await store.Writer.MaintainNowAsync(default);

        Assert.Empty(store.Log.ReadAfter(0, 10));
        Assert.NotEmpty(before);
        AssertSameBuckets(before, history.Read("probe", "soil-moisture", from, to, TimeSpan.FromHours(6)));
    }

    [Fact]
    public async Task Delivered_readings_removed_for_the_quota_keep_their_history_even_from_the_hour_in_progress()
    {
        var path = _folder.File("r.db");
        // All in the hour in progress, which routine rollups leave alone: the quota must roll them up itself.
        var readings = Spaced(Now.AddMinutes(-30), 7200, TimeSpan.FromSeconds(0.25));
        List<HistoryBucket> before;
        await using (var store = await TestStore.StartAsync(path, Options(), _time, ["coop"]))
        {
            var range = await store.Writer.AppendAsync(readings, default);
            await store.Writer.AdvanceCursorAsync("coop", range.Last, default);
            await store.Writer.AppendAsync([RollupTests.At(Now, 1, sensor: "other")], default);
            before = [.. new HistoryQuery(store.Connections).ReadRaw("probe", "soil-moisture", Now.AddDays(-1).AddMinutes(-30), Now.AddMinutes(30), TimeSpan.FromHours(1))];
        }

        await using var constrained = await TestStore.StartAsync(path, Options(quota: 64 * 1024), _time, ["coop"]);
        await constrained.Writer.MaintainNowAsync(default);

        Assert.True(constrained.Log.ReadAfter(0, 100_000).Count(r => r.SensorId == "probe") < readings.Length / 2, "the quota should have removed delivered readings");
        Assert.Empty(constrained.Log.ReadGaps(1, long.MaxValue));
        AssertSameBuckets(before, new HistoryQuery(constrained.Connections).Read("probe", "soil-moisture", Now.AddDays(-1).AddMinutes(-30), Now.AddMinutes(30), TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task Undelivered_readings_given_up_for_the_quota_keep_their_history()
    {
        var path = _folder.File("r.db");
        // All in the hour in progress, which routine rollups leave alone: the quota must roll them up itself.
        var readings = Spaced(Now.AddMinutes(-30), 7200, TimeSpan.FromSeconds(0.25));
        List<HistoryBucket> before;
        await using (var store = await TestStore.StartAsync(path, Options(), _time, ["coop"]))
        {
            await store.Writer.AppendAsync(readings, default);
            before = [.. new HistoryQuery(store.Connections).ReadRaw("probe", "soil-moisture", Now.AddDays(-1).AddMinutes(-30), Now.AddMinutes(30), TimeSpan.FromHours(1))];
        }

        await using var constrained = await TestStore.StartAsync(path, Options(quota: 64 * 1024), _time, ["coop"]);
        await constrained.Writer.MaintainNowAsync(default);

        Assert.True(constrained.Writer.DroppedForQuota > 0, "the quota should have given readings up");
        var history = new HistoryQuery(constrained.Connections).Read("probe", "soil-moisture", Now.AddDays(-1).AddMinutes(-30), Now.AddMinutes(30), TimeSpan.FromHours(1));
        AssertSameBuckets(before, history);
    }

    [Fact]
    public async Task Delivered_readings_awaiting_their_re_base_are_not_expired_for_their_1970_time()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"), Options(historyDays: 30), _time, ["coop"]);
        // Taken before the clock was trusted (the board thought it was 1970), forwarded flagged, acknowledged.
        var untrusted = Enumerable.Range(0, 60).Select(i => new NewReading("probe", "soil-moisture", "%", i, ReadingQuality.ClockUntrusted,
            DateTimeOffset.UnixEpoch.AddMinutes(i), i * 60_000L)).ToList();
        var range = await store.Writer.AppendAsync(untrusted, default);
        await store.Writer.AdvanceCursorAsync("coop", range.Last, default);
        await store.Writer.MaintainNowAsync(default);
        Assert.Equal(60, store.Log.ReadAfter(0, 100).Count);

        // Monotonic now is 3 h after the first one: they were taken from 09:30.
        await store.Writer.RebaseUntrustedTimesAsync(Now, 3 * 3_600_000L, default);
        await store.Writer.MaintainNowAsync(default);

        var hours = RollupTable.Read(store.Connections);
        Assert.Equal([Now.AddHours(-3).AddMinutes(-30), Now.AddHours(-2).AddMinutes(-30)], hours.Select(h => h.Hour));
        Assert.Equal(60, hours.Sum(h => h.Usable));
    }

    [Fact]
    public async Task Rollups_are_kept_for_the_rollup_history_and_removed_after_it()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"), Options(historyDays: 30, rollupDays: 100), _time, ["coop"]);
        var range = await store.Writer.AppendAsync([.. Minutes(Now.AddDays(-120), 60), .. Minutes(Now.AddDays(-50), 60)], default);
        await store.Writer.AdvanceCursorAsync("coop", range.Last, default);

        await store.Writer.MaintainNowAsync(default);

        Assert.Empty(store.Log.ReadAfter(0, 10));
        var hours = RollupTable.Read(store.Connections).Select(r => r.Hour).ToList();
        Assert.NotEmpty(hours);
        Assert.All(hours, h => Assert.InRange(h, Now.AddDays(-51), Now.AddDays(-49)));
    }

    [Fact]
    public async Task Rollups_are_kept_at_least_as_long_as_the_readings()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"), Options(historyDays: 30, rollupDays: 7), _time, ["coop"]);
        await store.Writer.AppendAsync(Minutes(Now.AddDays(-20), 60), default);

        await store.Writer.MaintainNowAsync(default);

        Assert.NotEmpty(RollupTable.Read(store.Connections));
    }

    [Fact]
    public async Task Rollups_give_way_only_when_no_reading_is_left_to_remove_and_then_oldest_first()
    {
        var path = _folder.File("r.db");
        // One reading an hour for a year: 8,760 rollup rows, far more than a 96 KiB quota holds.
        var hourly = Enumerable.Range(0, 8760).Select(i => RollupTests.At(Now.AddHours(-8760 + i), i % 37)).ToList();
        await using (var store = await TestStore.StartAsync(path, Options(), _time, ["coop"]))
        {
            var range = await store.Writer.AppendAsync(hourly, default);
            await store.Writer.AdvanceCursorAsync("coop", range.Last, default);
            await store.Writer.MaintainNowAsync(default);
        }

        await using var constrained = await TestStore.StartAsync(path, Options(quota: 96 * 1024), _time, ["coop"]);
        var result = await constrained.Writer.MaintainNowAsync(default);

        var hours = RollupTable.Read(constrained.Connections).Select(r => r.Hour).ToList();
        Assert.Empty(constrained.Log.ReadAfter(0, 10));
        Assert.InRange(result.UsedBytes, 0, 96 * 1024);
        Assert.InRange(hours.Count, 1, 8759);
        Assert.Equal(RollupTable.HourOf(Now.AddHours(-1)), hours.Max());
        Assert.Equal(hours.Count, hours.Distinct().Count());
        Assert.Equal((hours.Max() - hours.Min()).TotalHours + 1, hours.Count);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Count, min, max and flags exactly; the mean up to its last digits (summation order differs).</summary>
    internal static void AssertSameBuckets(IReadOnlyList<HistoryBucket> expected, IReadOnlyList<HistoryBucket> actual)
    {
        Assert.Equal(expected.Select(b => b with { Mean = 0 }), actual.Select(b => b with { Mean = 0 }));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e.Mean, a.Mean, 1e-9 * Math.Max(1, Math.Abs(e.Mean)));
        }
    }

    private static NewReading[] Minutes(DateTimeOffset start, int count) => Spaced(start, count, TimeSpan.FromMinutes(1));

    /// <summary>Readings <paramref name="step"/> apart, some flagged, some unusable, with irregular values.</summary>
    private static NewReading[] Spaced(DateTimeOffset start, int count, TimeSpan step) =>
        [.. Enumerable.Range(0, count).Select(i => RollupTests.At(start + (step * i), Math.Round(30 + (9 * Math.Cos(i * 0.21)), 2),
            i % 17 == 0 ? ReadingQuality.RateOfChange : i % 29 == 0 ? ReadingQuality.SensorError : ReadingQuality.Good))];
}
