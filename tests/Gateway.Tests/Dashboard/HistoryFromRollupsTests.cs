using Microsoft.Extensions.Time.Testing;
using SmartVillage.Gateway.Dashboard;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Tests.Storage;
using SmartVillage.Gateway.Tests.Support;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Dashboard;

/// <summary>
/// The week and month charts come from the rollups plus the hour in progress, and must show what aggregating the
/// readings themselves shows, on a seeded file: several series, flagged and unusable readings, late arrivals.
/// </summary>
public sealed class HistoryFromRollupsTests(SeededHistoryFile seeded) : IClassFixture<SeededHistoryFile>
{
    private static readonly DateTimeOffset Now = SeededHistoryFile.Now;
    private readonly HistoryQuery _history = seeded.History;

    [Theory]
    [InlineData("probe", "soil-moisture", "week")]
    [InlineData("probe", "soil-moisture", "month")]
    [InlineData("probe", "temperature", "month")]
    [InlineData("other", "soil-moisture", "week")]
    public void Week_and_month_from_rollups_equal_the_aggregation_of_the_readings(string sensor, string quantity, string range)
    {
        var window = HistoryWindow.For(range, Now)!;

        var fromRollups = _history.Read(sensor, quantity, window.From, window.To, window.Bucket);

        var fromReadings = _history.ReadRaw(sensor, quantity, window.From, window.To, window.Bucket);
        Assert.True(fromReadings.Count >= 12 * 4, $"only {fromReadings.Count} buckets seeded");
        Assert.Contains(fromReadings, b => b.Flagged > 0);
        RollupRetentionTests.AssertSameBuckets(fromReadings, fromRollups);
    }

    [Fact]
    public void Any_range_of_whole_hours_equals_the_aggregation_of_the_readings()
    {
        var (from, to) = (RollupTable.HourOf(Now.AddDays(-5)), RollupTable.HourOf(Now.AddHours(2)));

        foreach (var hours in new[] { 1, 2, 3, 24 })
        {
            var bucket = TimeSpan.FromHours(hours);
            RollupRetentionTests.AssertSameBuckets(_history.ReadRaw("probe", "soil-moisture", from, to, bucket), _history.Read("probe", "soil-moisture", from, to, bucket));
        }
    }

    [Fact]
    public void The_day_view_aggregates_the_readings_in_quarter_hours()
    {
        var window = HistoryWindow.For("day", Now)!;

        var day = _history.Read("probe", "soil-moisture", window.From, window.To, window.Bucket);

        Assert.Equal(96, day.Count);
        Assert.Equal(_history.ReadRaw("probe", "soil-moisture", window.From, window.To, window.Bucket), day);
    }

    [Fact]
    public void History_windows_end_with_the_bucket_now_is_in_and_week_and_month_buckets_are_whole_hours()
    {
        var week = HistoryWindow.For("week", Now)!;
        var month = HistoryWindow.For("month", Now)!;

        Assert.Equal((new DateTimeOffset(2026, 5, 20, 15, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(7)), (week.To, week.To - week.From));
        Assert.Equal((new DateTimeOffset(2026, 5, 20, 18, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(30)), (month.To, month.To - month.From));
        Assert.Equal(0, month.From.ToUnixTimeMilliseconds() % month.Bucket.TotalMilliseconds);
        Assert.Null(HistoryWindow.For("year", Now));
    }
}

/// <summary>One seeded SQLite file for the whole class: 12 days of three series, rolled up up to the hour in progress.</summary>
public sealed class SeededHistoryFile : IAsyncLifetime, IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 5, 20, 14, 40, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Now);
    private TestStore _store = null!;

    public HistoryQuery History { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.StartAsync(_folder.File("seeded.db"),
            new StorageOptions { CommitInterval = TimeSpan.Zero, MaintenanceInterval = TimeSpan.FromDays(365) }, _time);
        History = new HistoryQuery(_store.Connections);
        // 12 days at one reading a minute per series, up to now, so the hour in progress holds readings not rolled up.
        var random = new Random(7);
        var readings = new List<NewReading>();
        for (var minute = 12 * 24 * 60; minute > 0; minute--)
        {
            var time = Now.AddMinutes(-minute).AddSeconds(random.Next(60));
            foreach (var (sensor, quantity) in new[] { ("probe", "soil-moisture"), ("probe", "temperature"), ("other", "soil-moisture") })
            {
                var quality = random.Next(50) switch { 0 => ReadingQuality.SensorError, 1 => ReadingQuality.OutOfRange, 2 => ReadingQuality.Stuck, 3 => ReadingQuality.Simulated, _ => ReadingQuality.Good };
                readings.Add(new NewReading(sensor, quantity, "%", Math.Round((random.NextDouble() * 60) - 10, 3), quality, time, minute));
            }
        }

        // A node's backlog stored late, for hours long past.
        readings.AddRange(Enumerable.Range(0, 40).Select(i => new NewReading("probe", "soil-moisture", "%", 70 + i, ReadingQuality.Good, Now.AddDays(-3).AddMinutes(i * 7), i)));
        foreach (var chunk in readings.Chunk(5000))
        {
            await _store.Writer.AppendAsync(chunk, default);
        }

        var result = await _store.Writer.MaintainNowAsync(default);
        Assert.InRange(result.RollupWatermark, readings.Count - (60 * 3) - 40, readings.Count - 40);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose() => _folder.Dispose();
}
