using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Benchmarks.Support;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Upstream.Formats;

namespace SmartVillage.Gateway.Benchmarks.Disk;

/// <summary>
/// Bytes written to disk per reading by the real gateway process (its <c>/proc/&lt;pid&gt;/io</c> write_bytes over a
/// fixed window, plus a WAL checkpoint run at the end of the window so that checkpoint writes are counted too),
/// against the size of the reading itself (its row in SQLite; its SenML record). The first case is the target's:
/// N BME280s at 1 reading/s per sensor with product defaults; then 10 and 100 readings/s; then, for the first case,
/// the settings that change it (commit interval, synchronous, page size, no upstream). Gateways run side by side:
/// write_bytes is per process, so they do not count each other's writes.
/// </summary>
public static class DiskBenchmark
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var seconds = options.Get("seconds", 60);
        var sensors = options.Get("sensors", 4);
        var perSensor = options.Get("per-sensor", 1);
        var parallel = options.Get("parallel", 13);
        var period = TimeSpan.FromSeconds(Kits.ReadingsPerRead / perSensor);
        var defaultCommit = TimeSpan.FromSeconds(1);

        // The real gateway: its pollers wait for the commit before the interval starts, so its kit's Interval is the
        // period minus the default 1 s commit wait (Kits.ForRate); the measured rate is printed.
        var kitInterval = period - defaultCommit > TimeSpan.FromMilliseconds(300) ? period - defaultCommit : TimeSpan.FromMilliseconds(300);
        var cases = new List<DiskCase>
        {
            new($"{sensors} sensors at {perSensor:0.##} reading/s each (target case)", sensors, kitInterval, null, null, null, true, true),
        };
        foreach (var rate in options.Doubles("rates", "10,100"))
        {
            var (n, interval) = Kits.ForRate(rate, defaultCommit);
            cases.Add(new($"{rate:0} readings/s", n, interval, null, null, null, true, false));
        }

        if (!options.Flag("no-variants"))
        {
            // The target case's settings, on the product's store and upstream at a fixed cadence (PacedStore).
            var five = TimeSpan.FromSeconds(5);
            var thirty = TimeSpan.FromSeconds(30);
            cases.Add(new("paced, product defaults", sensors, period, null, null, null, true, true, true));
            cases.Add(new("paced, CommitInterval 5 s", sensors, period, five, null, null, true, true, true));
            cases.Add(new("paced, CommitInterval 30 s", sensors, period, thirty, null, null, true, true, true));
            cases.Add(new("paced, synchronous Normal", sensors, period, null, "Normal", null, true, true, true));
            cases.Add(new("paced, page size 1024", sensors, period, null, null, 1024, true, true, true));
            cases.Add(new("paced, page 1024 + CommitInterval 30 s", sensors, period, thirty, null, 1024, true, true, true));
            cases.Add(new("paced, page 1024 + CommitInterval 60 s", sensors, period, TimeSpan.FromSeconds(60), null, 1024, true, true, true));
            cases.Add(new("paced, page 1024 + CommitInterval 120 s", sensors, period, TimeSpan.FromSeconds(120), null, 1024, true, true, true));
            cases.Add(new("paced, no upstream", sensors, period, null, null, null, false, true, true));
            cases.Add(new("paced, no upstream, CommitInterval 30 s", sensors, period, thirty, null, null, false, true, true));
        }

        var only = options.Get("only", "");
        cases.RemoveAll(c => !c.Label.Contains(only, StringComparison.OrdinalIgnoreCase));
        using var scratch = new Scratch(options, "disk");
        var gateway = options.Get("gateway", GatewayRun.BuiltAssembly());
        Console.WriteLine($"disk: {cases.Count} gateway configurations, {seconds} s window each, {parallel} at a time; gateway {gateway}; files in {scratch.Path}");
        Console.WriteLine("  product defaults: Storage:CommitInterval 00:00:01 and Storage:Synchronous Full (src/Gateway/appsettings.json), " +
            "MaxReadingsPerMessage 50, MaxInFlight 10");
        await using var broker = await Mosquitto.StartAsync(scratch.Folder("broker"));

        var results = new DiskResult?[cases.Count];
        using var slots = new SemaphoreSlim(parallel);
        await Task.WhenAll(cases.Select(async (c, i) =>
        {
            await slots.WaitAsync();
            try
            {
                results[i] = await MeasureAsync(c, i, gateway, scratch, broker.Port, TimeSpan.FromSeconds(seconds));
                Console.WriteLine($"  {c.Label}: {results[i]}");
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or IOException)
            {
                Console.WriteLine($"  {c.Label}: FAILED {exception.Message}");
            }
            finally
            {
                slots.Release();
            }
        }));

        var measured = Array.FindIndex(results, r => r is not null);
        var (rowBytes, senmlBytes) = measured < 0 ? (double.NaN, double.NaN) : ReadingSize(scratch.File($"case-{measured}/readings.db"));
        var table = new ResultTable("case", "settings", "readings/s", "written B/s", "of which checkpoint", "B/reading", "x SQLite row", "target < 200");
        for (var i = 0; i < cases.Count; i++)
        {
            if (results[i] is not { } r)
            {
                table.Add(cases[i].Label, cases[i].Settings, "failed");
                continue;
            }

            table.Add(cases[i].Label, cases[i].Settings + (r.PageSize != 4096 ? $" (file: {r.PageSize})" : ""), r.ReadingsPerSecond, r.BytesPerSecond,
                r.CheckpointBytes, r.BytesPerReading, r.BytesPerReading / rowBytes,
                cases[i].HasTarget ? (r.BytesPerReading < 200 ? "met" : "MISSED") : "");
        }

        table.Print($"disk writes per reading over {seconds} s (reading itself: {rowBytes:0.0} B as a SQLite row incl. cell header and pointer, " +
            $"{senmlBytes:0.0} B as a SenML record in a pack of 50)");
        return 0;
    }

    private static async Task<DiskResult> MeasureAsync(DiskCase c, int index, string gatewayPath, Scratch scratch, int brokerPort, TimeSpan window)
    {
        var folder = scratch.Folder($"case-{index}");
        var database = Path.Combine(folder, "readings.db");
        if (c.PageSize is { } pageSize)
        {
            CreateWithPageSize(database, pageSize);
        }

        // Whole commits only: at least three commit intervals per window.
        var commitInterval = c.CommitInterval ?? TimeSpan.FromSeconds(1);
        window = commitInterval * 3 > window ? commitInterval * 3 : window;
        await using IMeasuredProcess run = c.Paced
            ? PacedStoreRun.Start(c, database, c.Upstream ? brokerPort : null)
            : GatewayRun.Start(gatewayPath, Kits.WriteBme280Kit(folder, c.Sensors, c.Interval, c.Upstream ? brokerPort : null), database, c.Environment());
        var started = Stopwatch.StartNew();
        while (await run.LastSequenceAsync() < 1)
        {
            if (run.HasExited || started.Elapsed > TimeSpan.FromSeconds(60) + commitInterval)
            {
                throw new InvalidOperationException($"no reading was committed:{Environment.NewLine}{run.OutputTail}");
            }

            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));

        // Start from a checkpointed WAL so the final checkpoint counts only this window's pages, and start and end
        // the window just after a commit, so that the bytes and the readings cover the same whole commits.
        await CheckpointAsync(database);
        var (startSequence, startBytes) = await AfterNextCommitAsync(run);
        var watch = Stopwatch.StartNew();
        await Task.Delay(window);
        var (endSequence, endBytes) = await AfterNextCommitAsync(run);
        var elapsed = watch.Elapsed;
        var checkpoint = await CheckpointAsync(database);
        var readings = endSequence - startSequence;
        return new DiskResult(
            readings / elapsed.TotalSeconds,
            (endBytes - startBytes + checkpoint) / elapsed.TotalSeconds,
            checkpoint,
            readings == 0 ? double.NaN : (double)(endBytes - startBytes + checkpoint) / readings,
            PageSizeOf(database));
    }

    private static async Task<(long Sequence, long WriteBytes)> AfterNextCommitAsync(IMeasuredProcess run)
    {
        var seen = await run.LastSequenceAsync();
        while (true)
        {
            await Task.Delay(20);
            var now = await run.LastSequenceAsync();
            if (now != seen && now > 0)
            {
                return (now, ProcFs.WriteBytes(run.Pid));
            }

            if (run.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited:{Environment.NewLine}{run.OutputTail}");
            }
        }
    }

    /// <summary>An empty database already in WAL mode with the given page size; the gateway's migration fills it.</summary>
    private static void CreateWithPageSize(string path, int pageSize)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA page_size={pageSize}; PRAGMA journal_mode=WAL; CREATE TABLE bench_probe (x); DROP TABLE bench_probe;";
        command.ExecuteNonQuery();
    }

    private static int PageSizeOf(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Checkpoints the WAL (PASSIVE, as SQLite's auto-checkpoint does) and returns the bytes it wrote: what the
    /// gateway's next auto-checkpoint would have written. It runs in a child <c>sqlite3</c> under <c>sh</c>, whose
    /// /proc io then holds exactly the reaped sqlite3's writes; this process's own /proc io would also collect every
    /// measured process it reaps.
    /// </summary>
    private static async Task<long> CheckpointAsync(string database)
    {
        using var process = Process.Start(new ProcessStartInfo("sh",
            ["-c", "sqlite3 \"$1\" 'PRAGMA busy_timeout=5000; PRAGMA wal_checkpoint(PASSIVE);' >/dev/null && cat /proc/$$/io", "sh", database])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("write_bytes:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"checkpoint of {database} failed (is sqlite3 installed?): {output}");
        return long.Parse(line["write_bytes:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The reading itself: the mean size of its SQLite record plus cell header (payload length and rowid varints) and
    /// 2-byte cell pointer, as the file format defines them (sqlite.org/fileformat2.html §2.1, §2.3); and the mean
    /// bytes per reading of SenML packs of 50.
    /// </summary>
    private static (double Row, double Senml) ReadingSize(string database)
    {
        var connections = new SqliteConnections(database, SqliteSynchronous.Normal);
        var log = new ReadingLog(connections);
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, series, value, quality, time_ms, mono_ms, boot FROM readings ORDER BY seq LIMIT 10000";
        using var reader = command.ExecuteReader();
        long rows = 0, bytes = 0;
        while (reader.Read())
        {
            var header = 0;
            var body = 0;
            for (var i = 1; i < reader.FieldCount; i++)
            {
                var size = reader.GetFieldType(i) == typeof(double) ? 8 : IntegerSize(reader.GetInt64(i));
                body += size;
                header += 1;
            }

            header += 1 + 1; // the header-size varint, and the INTEGER PRIMARY KEY column stored as NULL (serial type 0)
            var payload = header + body;
            bytes += Varint(payload) + Varint(reader.GetInt64(0)) + payload + 2;
            rows++;
        }

        var encoder = new SenmlPackEncoder();
        var sample = log.ReadAfter(0, 1000);
        var senml = sample.Chunk(50).Sum(chunk => (long)encoder.Encode("gw-1a2b3c4d", chunk).Length);
        SqliteConnection.ClearAllPools();
        return (rows == 0 ? double.NaN : (double)bytes / rows, sample.Count == 0 ? double.NaN : (double)senml / sample.Count);
    }

    private static int IntegerSize(long value) => value switch
    {
        0 or 1 => 0,
        >= -128 and <= 127 => 1,
        >= -32768 and <= 32767 => 2,
        >= -8388608 and <= 8388607 => 3,
        >= int.MinValue and <= int.MaxValue => 4,
        >= -140737488355328 and <= 140737488355327 => 6,
        _ => 8,
    };

    private static int Varint(long value)
    {
        var length = 1;
        while ((value >>= 7) > 0 && length < 9)
        {
            length++;
        }

        return length;
    }

    private sealed record DiskResult(double ReadingsPerSecond, double BytesPerSecond, long CheckpointBytes, double BytesPerReading, int PageSize)
    {
        public override string ToString() =>
            $"{ResultTable.Format(ReadingsPerSecond)} readings/s, {ResultTable.Format(BytesPerSecond)} B/s written ({CheckpointBytes:N0} B at checkpoint), " +
            $"{ResultTable.Format(BytesPerReading)} B/reading, page {PageSize}";
    }
}
