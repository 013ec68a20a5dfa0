using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Benchmarks.Support;
using SmartVillage.Gateway.Dashboard;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Benchmarks.History;

/// <summary>
/// The dashboard's month chart (30 days in 6 h buckets) of one series, served from the hourly rollups plus the hour
/// in progress (<see cref="HistoryQuery.Read"/>), against the same query aggregating the readings themselves
/// (<see cref="HistoryQuery.ReadRaw"/>), on the same seeded file (default 30 days x 10 series at 1 reading / 10 s,
/// written through the product's ReadingWriter and rolled up by its maintenance). Also the week, and what the rollups
/// cost: the time to roll up the whole file (an upgraded database) and their bytes per series-hour.
/// </summary>
public static class HistoryBenchmark
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var days = options.Get("days", 30);
        var seriesCount = options.Get("series", 10);
        var interval = TimeSpan.FromSeconds(options.Get("interval", 10.0));
        var runs = options.Get("runs", 5);
        using var scratch = new Scratch(options, "history");
        var seed = new HistorySeed(days, seriesCount, interval);
        Console.WriteLine($"history: {days} days x {seriesCount} series at 1 reading / {interval.TotalSeconds:0.##} s " +
            $"({seed.PerSeries * seriesCount:N0} readings), {runs} runs per query; files in {scratch.Path}");

        // Rollups are left to the explicit passes below, so the seeding and the rollup are timed apart; a generous
        // budget lets one pass roll up the whole file.
        var storage = new StorageOptions { MaintenanceInterval = TimeSpan.FromDays(365), RollupBudget = TimeSpan.FromHours(1), Synchronous = SqliteSynchronous.Normal };
        await using var store = await BenchStore.StartAsync(scratch.File("history.db"), storage);
        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await SeedAsync(store, seed.Groups(now, storage.MaxGroupSize));
        Console.WriteLine($"  seeded {store.Writer.LastSequence:N0} readings in {watch.Elapsed.TotalSeconds:0.0} s");

        var usedBefore = UsedBytes(store.Connections);
        watch.Restart();
        var result = await store.Writer.MaintainNowAsync(CancellationToken.None);
        var rollupSeconds = watch.Elapsed.TotalSeconds;
        var rollupRows = Long(store.Connections, "SELECT count(*) FROM rollups");
        var rollupBytes = UsedBytes(store.Connections) - usedBefore;
        Console.WriteLine($"  rolled up to seq {result.RollupWatermark:N0} in {rollupSeconds:0.0} s: {rollupRows:N0} rollup rows, " +
            $"{rollupBytes / 1024.0:N0} KiB ({(double)rollupBytes / rollupRows:0.0} B per series-hour); file {new FileInfo(store.Connections.FilePath).Length / 1048576.0:N0} MiB");

        var history = new HistoryQuery(store.Connections);
        var table = new ResultTable("query", "buckets", "rollups ms", "raw ms", "raw / rollups", "rollups CPU ms", "raw CPU ms", "CPU raw / rollups", "same result", "runs (wall ms) rollups // raw");
        foreach (var range in new[] { "month", "week" })
        {
            var window = HistoryWindow.For(range, now)!;
            var (sensor, quantity) = HistorySeed.Series(0);
            List<(double Wall, double Cpu)> fromRollups = [], fromRaw = [];
            IReadOnlyList<HistoryBucket> rolled = [], raw = [];
            for (var run = 0; run < runs; run++)
            {
                // Alternate which goes first so that neither always finds the other's pages in the cache.
                if (run % 2 == 0)
                {
                    fromRaw.Add(Time(() => raw = history.ReadRaw(sensor, quantity, window.From, window.To, window.Bucket)));
                }

                fromRollups.Add(Time(() => rolled = history.Read(sensor, quantity, window.From, window.To, window.Bucket)));
                if (run % 2 == 1)
                {
                    fromRaw.Add(Time(() => raw = history.ReadRaw(sensor, quantity, window.From, window.To, window.Bucket)));
                }
            }

            var (rollupWall, rawWall) = (Stats.Median([.. fromRollups.Select(r => r.Wall)]), Stats.Median([.. fromRaw.Select(r => r.Wall)]));
            var (rollupCpu, rawCpu) = (Stats.Median([.. fromRollups.Select(r => r.Cpu)]), Stats.Median([.. fromRaw.Select(r => r.Cpu)]));
            table.Add($"{range}: {sensor}/{quantity}, {window.Bucket.TotalHours:0} h buckets", rolled.Count, rollupWall, rawWall, rawWall / rollupWall,
                rollupCpu, rawCpu, rawCpu / rollupCpu, Same(rolled, raw) ? "yes" : "NO",
                $"{Stats.Spread([.. fromRollups.Select(r => r.Wall)])} // {Stats.Spread([.. fromRaw.Select(r => r.Wall)])}");
        }

        table.Print($"history chart of one series over {seed.PerSeries * seriesCount:N0} readings ({days} days x {seriesCount} series), medians of {runs}");
        return 0;
    }

    private static async Task SeedAsync(BenchStore store, IEnumerable<NewReading[]> groups)
    {
        var pending = new Queue<Task<CommittedRange>>();
        foreach (var group in groups)
        {
            if (pending.Count == 8)
            {
                await pending.Dequeue();
            }

            pending.Enqueue(store.Writer.AppendAsync(group, CancellationToken.None));
        }

        while (pending.Count > 0)
        {
            await pending.Dequeue();
        }
    }

    /// <summary>
    /// Wall time, and the process's CPU time (the writer is idle meanwhile, so that is the query's): on a loaded
    /// machine the wall time mostly measures the wait for a core, the CPU time what the query costs.
    /// </summary>
    private static (double Wall, double Cpu) Time(Action query)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        query();
        var wall = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    /// <summary>Counts, min, max and flags exactly; means to 1e-9 relative (the rollups sum in another order).</summary>
    private static bool Same(IReadOnlyList<HistoryBucket> a, IReadOnlyList<HistoryBucket> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First with { Mean = 0 } == p.Second with { Mean = 0 } &&
            Math.Abs(p.First.Mean - p.Second.Mean) <= 1e-9 * Math.Max(1, Math.Abs(p.First.Mean)));

    private static long UsedBytes(SqliteConnections connections) =>
        Long(connections, "SELECT ((SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count())) * (SELECT page_size FROM pragma_page_size())");

    private static long Long(SqliteConnections connections, string sql)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
