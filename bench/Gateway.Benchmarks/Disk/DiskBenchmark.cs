using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Benchmarks.Support;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Upstream.Formats;

namespace SmartVillage.Gateway.Benchmarks.Disk;

/// <summary>
/// Bytes written to disk per reading by the real gateway process, against the size of the reading itself (its row in
/// SQLite; its SenML record). Each case is one gateway process measured from just after a commit until it has exited
/// after a clean stop: its <c>/proc/&lt;pid&gt;/io</c> write_bytes over that span (through a wrapping shell, which
/// still has the figure after the exit), so the WAL frames, the <c>-shm</c> WAL index, the last commit and the
/// checkpoint the gateway makes as it closes the database are all counted. The first case is the target's: N BME280s
/// at 1 reading/s per sensor with the product's defaults; then other rates and the settings that change the figure.
/// Gateways run side by side: write_bytes is per process, so they do not count each other's writes. With
/// <c>--loop</c> each gateway gets a file system of its own (<see cref="LoopDisk"/>), whose device also counts the
/// file system's journal.
/// </summary>
public static class DiskBenchmark
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var seconds = options.Get("seconds", 300);
        var sensors = options.Get("sensors", 4);
        var perSensor = options.Get("per-sensor", 1.0);
        var parallel = options.Get("parallel", 13);
        var loop = options.Flag("loop");
        var gateway = options.Get("gateway", GatewayRun.BuiltAssembly());
        var defaults = ProductDefaults(gateway);
        var period = TimeSpan.FromSeconds(Kits.ReadingsPerRead / perSensor);
        var target = $"{sensors} sensors at {perSensor:0.##} reading/s each";
        var cases = new List<DiskCase> { new($"{target}, product defaults (target case)", sensors, period, Storage(), null, true, true) };
        foreach (var rate in options.Doubles("rates", "10,100"))
        {
            var (n, interval) = Kits.ForRate(rate);
            cases.Add(new($"{rate:0} readings/s, product defaults", n, interval, Storage(), null, true, false));
        }

        if (!options.Flag("no-variants"))
        {
            cases.Add(new($"{target}, CommitInterval 1 s (the earlier default)", sensors, period, Storage(("CommitInterval", "00:00:01")), null, true, true));
            cases.Add(new($"{target}, CommitInterval 30 s", sensors, period, Storage(("CommitInterval", "00:00:30")), null, true, true));
            cases.Add(new($"{target}, CommitInterval 60 s", sensors, period, Storage(("CommitInterval", "00:01:00")), null, true, true));
            cases.Add(new($"{target}, ExclusiveAccess", sensors, period, Storage(("ExclusiveAccess", "true")), null, true, true));
            cases.Add(new($"{target}, SD-saver: ExclusiveAccess + CommitInterval 30 s", sensors, period,
                Storage(("ExclusiveAccess", "true"), ("CommitInterval", "00:00:30")), null, true, true));
            cases.Add(new($"{target}, Synchronous Normal", sensors, period, Storage(("Synchronous", "Normal")), null, true, true));
            cases.Add(new($"{target}, no upstream", sensors, period, Storage(), null, false, true));
            cases.Add(new($"{target}, a file with 4 KiB pages (created before 1 KiB pages)", sensors, period, Storage(), 4096, true, true));
        }

        var only = options.Get("only", "");
        cases.RemoveAll(c => !c.Label.Contains(only, StringComparison.OrdinalIgnoreCase));
        using var scratch = new Scratch(options, "disk");
        Console.WriteLine($"disk: {cases.Count} gateway configurations, windows of at least {seconds} s (and four commit intervals), {parallel} at a time; " +
            $"gateway {gateway}; files in {(loop ? "a fresh ext4 loop device each" : scratch.Path)}");
        Console.WriteLine($"  product defaults (appsettings.json next to the gateway): Storage:CommitInterval {defaults.CommitInterval:c}, " +
            $"Storage:Synchronous {defaults.Synchronous}; MaxReadingsPerMessage 50, MaxInFlight 10");
        await using var broker = await Mosquitto.StartAsync(scratch.Folder("broker"));

        var results = new DiskResult?[cases.Count];
        using var slots = new SemaphoreSlim(parallel);
        await Task.WhenAll(cases.Select(async (c, i) =>
        {
            await slots.WaitAsync();
            try
            {
                var window = TimeSpan.FromSeconds(Math.Max(seconds, 4 * c.CommitInterval(defaults.CommitInterval).TotalSeconds));
                results[i] = await MeasureAsync(c, i, gateway, scratch, loop, broker.Port, window);
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

        var sized = results.FirstOrDefault(r => r is not null && !double.IsNaN(r.RowBytes));
        var (rowBytes, senmlBytes) = sized is null ? (double.NaN, double.NaN) : (sized.RowBytes, sized.SenmlBytes);
        var headers = new List<string> { "case", "settings", "readings/s", "written B/s", "of which stopping", "B/reading", "x SQLite row" };
        if (loop)
        {
            headers.Add("device B/reading");
        }

        headers.Add("target < 200");
        var table = new ResultTable([.. headers]);
        for (var i = 0; i < cases.Count; i++)
        {
            if (results[i] is not { } r)
            {
                table.Add(cases[i].Label, cases[i].Settings, "failed");
                continue;
            }

            var cells = new List<object>
            {
                cases[i].Label, cases[i].Settings + (r.PageSize != 1024 ? $" (file: {r.PageSize} B pages)" : ""), r.ReadingsPerSecond,
                r.Written / r.Readings * r.ReadingsPerSecond, r.AtStop, r.BytesPerReading, r.BytesPerReading / rowBytes,
            };
            if (loop)
            {
                cells.Add(r.DevicePerReading);
            }

            cells.Add(cases[i].HasTarget ? (r.BytesPerReading < 200 ? "met" : "MISSED") : "");
            table.Add([.. cells]);
        }

        table.Print($"disk writes per reading, /proc write_bytes (reading itself: {rowBytes:0.0} B as a SQLite row incl. cell header and pointer, " +
            $"{senmlBytes:0.0} B as a SenML record in a pack of 50)");
        return 0;
    }

    private static Dictionary<string, string> Storage(params (string Key, string Value)[] settings) =>
        settings.ToDictionary(s => s.Key, s => s.Value);

    private static async Task<DiskResult> MeasureAsync(DiskCase c, int index, string gatewayPath, Scratch scratch, bool loop, int brokerPort, TimeSpan window)
    {
        var folder = scratch.Folder($"case-{index}");
        await using var disk = loop ? await LoopDisk.CreateAsync(Path.Combine(folder, "disk")) : null;
        var database = Path.Combine(disk?.MountPoint ?? folder, "readings.db");
        Prepare(database, c.PageSize);

        long exitBytes, startBytes, endBytes, startSequence;
        long? deviceStart = null;
        var watch = new Stopwatch();
        await using (var run = GatewayRun.StartMeasuredToExit(gatewayPath, Kits.WriteBme280Kit(folder, c.Sensors, c.Interval, c.Upstream ? brokerPort : null), database, c.Environment()))
        {
            var started = Stopwatch.StartNew();
            while (await run.LastSequenceAsync() < 1)
            {
                if (run.HasExited || started.Elapsed > TimeSpan.FromSeconds(90) + window)
                {
                    throw new InvalidOperationException($"no reading was committed:{Environment.NewLine}{run.OutputTail}");
                }

                await Task.Delay(100);
            }

            // Past start-up (migrations, the boot row, the first series), then from just after one commit to just
            // after another, so the bytes and the readings cover the same whole commits; then a clean stop.
            await Task.Delay(TimeSpan.FromSeconds(2));
            (startSequence, startBytes) = await AfterNextCommitAsync(run);
            if (disk is not null)
            {
                await disk.SyncAsync();
                deviceStart = disk.WrittenBytes;
            }

            watch.Start();
            await Task.Delay(window);
            (_, endBytes) = await AfterNextCommitAsync(run);
            await run.StopAsync();
            exitBytes = await run.ExitWriteBytes.WaitAsync(TimeSpan.FromSeconds(30));
            watch.Stop();
        }

        var lastSequence = LastSequenceIn(database);
        long? device = null;
        if (disk is not null && deviceStart is { } before)
        {
            await disk.SyncAsync();
            device = disk.WrittenBytes - before;
        }

        var (row, senml) = ReadingSize(database);
        var readings = lastSequence - startSequence;
        return new DiskResult(readings / watch.Elapsed.TotalSeconds, readings, exitBytes - startBytes, exitBytes - endBytes, device, PageSizeOf(database), row, senml);
    }

    private static async Task<(long Sequence, long WriteBytes)> AfterNextCommitAsync(GatewayRun run)
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

    /// <summary>The product defaults as shipped: the Storage section of the appsettings.json next to the gateway.</summary>
    private static (TimeSpan CommitInterval, string Synchronous) ProductDefaults(string gateway)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(gateway)!, "appsettings.json")));
        var storage = settings.RootElement.GetProperty("Storage");
        var options = new StorageOptions();
        return (
            storage.TryGetProperty("CommitInterval", out var commit) ? TimeSpan.Parse(commit.GetString()!, CultureInfo.InvariantCulture) : options.CommitInterval,
            storage.TryGetProperty("Synchronous", out var synchronous) ? synchronous.GetString()! : options.Synchronous.ToString());
    }

    /// <summary>
    /// The database as the gateway creates it (schema, gateway id), optionally with another page size, checkpointed
    /// and closed: the checkpoint the gateway makes when it stops then holds only what it wrote while measured
    /// (and the few pages of its start-up, which share their 4 KiB blocks with pages every commit touches).
    /// </summary>
    private static void Prepare(string path, int? pageSize)
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA page_size={pageSize ?? 1024}; PRAGMA journal_mode=WAL;";
            command.ExecuteNonQuery();
        }

        StoreOpener.Open(new SqliteConnections(path, SqliteSynchronous.Full), "gw-bench", new BootIdentity("bench-setup"), TimeProvider.System);
        SqliteConnection.ClearAllPools();
        using var checkpoint = new SqliteConnection($"Data Source={path};Pooling=False");
        checkpoint.Open();
        using var truncate = checkpoint.CreateCommand();
        truncate.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        truncate.ExecuteNonQuery();
    }

    private static long LastSequenceIn(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq), 0) FROM readings";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static int PageSizeOf(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
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
        command.CommandText = "SELECT seq, series, value, quality, time_ms, mono_ms, boot, raw_value, raw_unit, calibration_id FROM readings ORDER BY seq LIMIT 10000";
        using var reader = command.ExecuteReader();
        long rows = 0, bytes = 0;
        while (reader.Read())
        {
            var header = 0;
            var body = 0;
            for (var i = 1; i < reader.FieldCount; i++)
            {
                var size = reader.IsDBNull(i) ? 0
                    : reader.GetFieldType(i) == typeof(double) ? 8
                    : reader.GetFieldType(i) == typeof(string) ? System.Text.Encoding.UTF8.GetByteCount(reader.GetString(i))
                    : IntegerSize(reader.GetInt64(i));
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

    private sealed record DiskResult(double ReadingsPerSecond, long Readings, long Written, long AtStop, long? Device, int PageSize, double RowBytes, double SenmlBytes)
    {
        public double BytesPerReading => Readings == 0 ? double.NaN : (double)Written / Readings;

        public double DevicePerReading => Readings == 0 || Device is null ? double.NaN : (double)Device.Value / Readings;

        public override string ToString() =>
            $"{ResultTable.Format(ReadingsPerSecond)} readings/s, {Readings} readings, {Written:N0} B written ({AtStop:N0} B while stopping), " +
            $"{ResultTable.Format(BytesPerReading)} B/reading" + (Device is null ? "" : $", device {ResultTable.Format(DevicePerReading)} B/reading") + $", page {PageSize}";
    }
}
