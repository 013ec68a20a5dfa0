using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Tests.Support;

namespace SmartVillage.Gateway.Tests.Storage;

public sealed class QuotaTests : IDisposable
{
    private const long Quota = 256 * 1024;
    private readonly TempFolder _folder = new();

    // A zero commit interval commits whatever is queued at once: no timer, so a fake clock cannot stall the writer.
    private static StorageOptions Options(long quota = Quota, int historyDays = 90) => new()
    {
        CommitInterval = TimeSpan.Zero,
        QuotaBytes = quota,
        History = TimeSpan.FromDays(historyDays),
        MaintenanceInterval = TimeSpan.Zero,
    };

    [Fact]
    public async Task Past_the_quota_the_oldest_undelivered_readings_become_quota_gaps_and_the_file_stops_growing()
    {
        var path = _folder.File("r.db");
        await using var store = await TestStore.StartAsync(path, Options(), upstreams: ["coop"]);

        var last = await FillAsync(store, 30_000);

        var stored = store.Log.ReadAfter(0, 100_000).Select(r => r.Sequence).ToList();
        var gaps = store.Log.ReadGaps(1, last);
        Assert.True(store.Writer.DroppedForQuota > 0, "the quota should have been reached");
        Assert.All(gaps, g => Assert.Equal("quota", g.Reason));
        Assert.Equal(stored.Min() - 1, gaps.Max(g => g.Last));
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), gaps.SelectMany(g => Range(g.First, g.Last)).Concat(stored).Order());
        Assert.InRange(new FileInfo(path).Length, 0, Quota);
    }

    [Fact]
    public async Task Delivered_readings_are_removed_before_any_undelivered_one_is_given_up()
    {
        var path = _folder.File("r.db");
        await using var store = await TestStore.StartAsync(path, Options(long.MaxValue), upstreams: ["coop"]);
        var last = await FillAsync(store, 6000);
        await store.Writer.AdvanceCursorAsync("coop", last - 500, default);
        await store.Writer.AppendAsync([TestStore.Reading()], default);
        await store.DisposeAsync();

        await using var constrained = await TestStore.StartAsync(path, Options(64 * 1024), upstreams: ["coop"]);
        await constrained.Writer.AppendAsync([TestStore.Reading()], default);

        var stored = constrained.Log.ReadAfter(0, 100_000).Select(r => r.Sequence).ToList();
        Assert.Empty(constrained.Log.ReadGaps(1, long.MaxValue));
        Assert.Contains(last - 499, stored);
        Assert.True(stored.Min() > 1, "delivered readings should have made room");
    }

    [Fact]
    public async Task Delivered_readings_older_than_the_history_horizon_are_removed_and_undelivered_ones_kept()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var path = _folder.File("r.db");
        var options = Options(long.MaxValue, historyDays: 30);
        await using (var store = await TestStore.StartAsync(path, options, time, ["coop"]))
        {
            await store.Writer.AppendAsync(Enumerable.Range(0, 10).Select(i => Old(time.GetUtcNow().AddDays(-40))).ToList(), default);
            await store.Writer.AdvanceCursorAsync("coop", 5, default);
        }

        await using var reopened = await TestStore.StartAsync(path, options, time, ["coop"]);
        await reopened.Writer.AppendAsync([Old(time.GetUtcNow())], default);

        Assert.Equal([6L, 7, 8, 9, 10, 11], reopened.Log.ReadAfter(0, 100).Select(r => r.Sequence));
    }

    [Fact]
    public async Task A_reading_counts_as_delivered_only_when_every_upstream_acknowledged_it_whatever_the_order()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var path = _folder.File("r.db");
        var options = Options(long.MaxValue, historyDays: 30);
        await using (var store = await TestStore.StartAsync(path, options, time, ["coop", "ngo"]))
        {
            await store.Writer.AppendAsync(Enumerable.Range(0, 100).Select(i => Old(time.GetUtcNow().AddDays(-40))).ToList(), default);
            // coop drained oldest-first to 40 and has live readings 90-100; ngo drains newest-first: 61-100 and 1-10.
            await store.Writer.AcknowledgeAsync("coop", [new(1, 40), new(90, 100)], default);
            await store.Writer.AcknowledgeAsync("ngo", [new(61, 100), new(1, 10)], default);
        }

        await using var reopened = await TestStore.StartAsync(path, options, time, ["coop", "ngo"]);
        await reopened.Writer.AppendAsync([Old(time.GetUtcNow())], default);

        var expected = Enumerable.Range(11, 79).Select(i => (long)i).Append(101);
        Assert.Equal(expected, reopened.Log.ReadAfter(0, 200).Select(r => r.Sequence));
    }

    private static NewReading Old(DateTimeOffset at) => TestStore.Reading() with { Time = at };

    private static async Task<long> FillAsync(TestStore store, int count)
    {
        CommittedRange range = default;
        for (var i = 0; i < count; i += 200)
        {
            range = await store.Writer.AppendAsync(Enumerable.Range(i, 200).Select(n => TestStore.Reading(value: n * 1.37)).ToList(), default);
        }

        return range.Last;
    }

    private static IEnumerable<long> Range(long first, long last)
    {
        for (var s = first; s <= last; s++)
        {
            yield return s;
        }
    }

    public void Dispose() => _folder.Dispose();
}
