using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Benchmarks.Support;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Benchmarks.Ingest;

/// <summary>
/// Accepted readings per second through <see cref="ReadingWriter.AppendAsync"/> (product defaults: group commit,
/// MaxGroupSize 500, the configured synchronous mode) from several producers, each keeping a window of appends
/// awaiting their commit; against raw prepared inserts of the same rows into the same schema, 1000 rows per
/// transaction, same WAL/synchronous settings, on the same disk. Target: ours at least 0.5 x raw.
/// </summary>
public static class IngestBenchmark
{
    private static readonly string[] ReadingColumns = ["$seq", "$series", "$value", "$quality", "$time", "$mono", "$boot"];

    public static async Task<int> RunAsync(CommandLine options)
    {
        var readings = options.Get("readings", 300_000);
        var runs = options.Get("runs", 3);
        var producers = options.Get("producers", 8);
        var window = options.Get("window", 64);
        var groupSize = options.Get("group", Kits.ReadingsPerRead);
        var synchronous = Enum.Parse<SqliteSynchronous>(options.Get("synchronous", nameof(SqliteSynchronous.Full)), ignoreCase: true);
        var storage = new StorageOptions { Synchronous = synchronous };
        storage.MaxGroupSize = options.Get("max-group", storage.MaxGroupSize);
        using var scratch = new Scratch(options, "ingest");
        Console.WriteLine($"ingest: {readings:N0} readings per run, {runs} runs, {producers} producers x {window} appends in flight, " +
            $"{groupSize} readings per append; synchronous={synchronous}, MaxGroupSize={storage.MaxGroupSize}, CommitInterval={storage.CommitInterval}; files in {scratch.Path}");

        // Whole groups only: the writer closes a group at MaxGroupSize rows, or else after CommitInterval. A last,
        // partial group would wait the full CommitInterval (1 s) for rows that never come and charge that idle second
        // to the rate, so the count is rounded up to whole groups.
        var appendsPerGroup = (storage.MaxGroupSize + groupSize - 1) / groupSize;
        var appends = ((readings + groupSize - 1) / groupSize + appendsPerGroup - 1) / appendsPerGroup * appendsPerGroup;
        readings = appends * groupSize;
        var groups = new SampleReadings().Groups(readings, groupSize);
        var rows = groups.Sum(g => g.Length);
        var ours = new List<double>();
        var raw = new List<double>();
        var commits = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            // Alternate the order so that a noisy neighbour does not always hit the same side.
            var rawFirst = run % 2 == 1;
            if (rawFirst)
            {
                raw.Add(RawInserts(scratch.File($"raw-{run}.db"), synchronous, groups));
            }

            var (rate, commitCount) = await OursAsync(scratch.File($"ours-{run}.db"), storage, groups, producers, window);
            ours.Add(rate);
            commits.Add(commitCount);
            if (!rawFirst)
            {
                raw.Add(RawInserts(scratch.File($"raw-{run}.db"), synchronous, groups));
            }

            Console.WriteLine($"  run {run}: ours {ResultTable.Format(rate)} readings/s ({commitCount:N0} commits, {rows / commitCount:0} rows each), raw {ResultTable.Format(raw[^1])} rows/s");
        }

        var ratio = Stats.Median(ours) / Stats.Median(raw);
        var table = new ResultTable("figure", "ours (median)", "baseline (median)", "ratio", "target", "met", "runs ours / raw");
        table.Add("readings/s accepted vs raw batched inserts", Stats.Median(ours), Stats.Median(raw), ratio, ">= 0.50", ratio >= 0.5 ? "yes" : "NO",
            $"{Stats.Spread(ours)} // {Stats.Spread(raw)}");
        table.Print($"ingest ({rows:N0} rows, synchronous={synchronous})");
        return 0;
    }

    private static async Task<(double Rate, double Commits)> OursAsync(string path, StorageOptions storage, List<NewReading[]> groups, int producers, int window)
    {
        await using var store = await BenchStore.StartAsync(path, storage);
        var watch = Stopwatch.StartNew();
        await store.AppendAllAsync(groups, producers, window);
        watch.Stop();
        return (store.Writer.AcceptedSinceStart / watch.Elapsed.TotalSeconds, store.Writer.CommitsSinceStart);
    }

    /// <summary>The baseline: the same schema (created by the gateway's own StoreOpener), the same rows, one prepared insert, 1000 rows per transaction.</summary>
    private static double RawInserts(string path, SqliteSynchronous synchronous, List<NewReading[]> groups)
    {
        var connections = new SqliteConnections(path, synchronous);
        var state = StoreOpener.Open(connections, "gw-bench", new BootIdentity("bench-boot"), TimeProvider.System);
        using var connection = connections.Open();
        var series = new Dictionary<(string, string, string), long>();
        using (var insertSeries = connection.CreateCommand())
        {
            insertSeries.CommandText = "INSERT INTO series (sensor, quantity, unit) VALUES ($s, $q, $u) RETURNING id";
            foreach (var reading in groups.SelectMany(g => g).DistinctBy(r => (r.SensorId, r.Quantity, r.Unit)))
            {
                insertSeries.Parameters.Clear();
                insertSeries.Parameters.AddWithValue("$s", reading.SensorId);
                insertSeries.Parameters.AddWithValue("$q", reading.Quantity);
                insertSeries.Parameters.AddWithValue("$u", reading.Unit);
                series[(reading.SensorId, reading.Quantity, reading.Unit)] = (long)insertSeries.ExecuteScalar()!;
            }
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO readings (seq, series, value, quality, time_ms, mono_ms, boot) VALUES ($seq, $series, $value, $quality, $time, $mono, $boot)";
        var parameters = ReadingColumns.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();
        var watch = Stopwatch.StartNew();
        var sequence = state.LastSequence;
        var inTransaction = 0;
        var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        foreach (var reading in groups.SelectMany(g => g))
        {
            parameters[0].Value = ++sequence;
            parameters[1].Value = series[(reading.SensorId, reading.Quantity, reading.Unit)];
            parameters[2].Value = reading.Value;
            parameters[3].Value = (int)reading.Quality;
            parameters[4].Value = reading.Time.ToUnixTimeMilliseconds();
            parameters[5].Value = reading.MonotonicMilliseconds;
            parameters[6].Value = state.BootRow;
            insert.ExecuteNonQuery();
            if (++inTransaction == 1000)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                inTransaction = 0;
            }
        }

        transaction.Commit();
        transaction.Dispose();
        watch.Stop();
        SqliteConnection.ClearAllPools();
        return (sequence - state.LastSequence) / watch.Elapsed.TotalSeconds;
    }
}
