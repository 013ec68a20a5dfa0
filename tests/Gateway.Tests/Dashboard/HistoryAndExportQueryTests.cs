using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Tests.Support;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Dashboard;

public sealed class HistoryAndExportQueryTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task History_gives_min_mean_and_max_per_bucket()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"));
        await store.Writer.AppendAsync([At(0, 10), At(20, 20), At(40, 60), At(70, 5)], default);

        var buckets = new HistoryQuery(store.Connections).Read("probe", "soil-moisture", Start, Start.AddHours(2), TimeSpan.FromHours(1));

        Assert.Equal(
            [new HistoryBucket(Start, 3, 10, 30, 60), new HistoryBucket(Start.AddHours(1), 1, 5, 5, 5)],
            buckets);
    }

    [Fact]
    public async Task History_leaves_out_readings_flagged_as_sensor_errors()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"));
        await store.Writer.AppendAsync([At(0, 10), At(1, 999, ReadingQuality.SensorError)], default);

        var buckets = new HistoryQuery(store.Connections).Read("probe", "soil-moisture", Start, Start.AddHours(1), TimeSpan.FromHours(1));

        Assert.Equal(10, Assert.Single(buckets).Max);
    }

    [Fact]
    public async Task History_ignores_readings_before_the_range()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"));
        await store.Writer.AppendAsync([.. Enumerable.Range(0, 300).Select(i => At(i, i))], default);

        var buckets = new HistoryQuery(store.Connections).Read("probe", "soil-moisture", Start.AddMinutes(250), Start.AddMinutes(300), TimeSpan.FromHours(1));

        Assert.Equal((50, 250.0), (buckets.Sum(b => b.Count), buckets.Min(b => b.Min)));
    }

    [Fact]
    public async Task Export_returns_every_reading_in_the_range_even_when_stored_out_of_time_order()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"));
        await store.Writer.AppendAsync([At(10, 1), At(500, 2), At(20, 3), At(-5, 4)], default);

        var rows = new ExportQuery(store.Connections).Read(Start, Start.AddHours(1), [], default).Select(r => r.Value).ToList();

        Assert.Equal([1.0, 3.0], rows);
    }

    [Fact]
    public async Task Export_keeps_only_the_chosen_sensors()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"));
        await store.Writer.AppendAsync([At(1, 1), At(2, 2, sensor: "other"), At(3, 3)], default);

        var rows = new ExportQuery(store.Connections).Read(Start, Start.AddHours(1), ["probe"], default).Select(r => r.Sequence).ToList();

        Assert.Equal([1L, 3L], rows);
    }

    [Fact]
    public async Task Storage_outlook_is_unknown_when_nothing_was_stored_in_the_last_hour()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"));
        await store.Writer.AppendAsync([At(0, 1)], default);

        Assert.Null(new StorageOutlook(store.Connections, TimeProvider.System).DaysLeft());
    }

    [Fact]
    public async Task Storage_outlook_gives_fewer_days_when_readings_come_faster()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"));
        var now = DateTimeOffset.UtcNow;
        await store.Writer.AppendAsync([.. Enumerable.Range(0, 100).Select(i => new NewReading("probe", "soil-moisture", "%", i, ReadingQuality.Good, now.AddMinutes(-90 + i), i))], default);
        var outlook = new StorageOutlook(store.Connections, TimeProvider.System);
        var slower = outlook.DaysLeft();

        await store.Writer.AppendAsync([.. Enumerable.Range(0, 1000).Select(i => new NewReading("probe", "soil-moisture", "%", i, ReadingQuality.Good, now, i))], default);

        Assert.True(outlook.DaysLeft() < slower, $"{outlook.DaysLeft()} is not below {slower}");
    }

    public void Dispose() => _folder.Dispose();

    private static NewReading At(int minutes, double value, ReadingQuality quality = ReadingQuality.Good, string sensor = "probe") =>
        new(sensor, "soil-moisture", "%", value, quality, Start.AddMinutes(minutes), minutes * 60_000L);
}
