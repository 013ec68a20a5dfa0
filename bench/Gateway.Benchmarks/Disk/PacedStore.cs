using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SmartVillage.Gateway.Benchmarks.Support;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Upstream.Mqtt;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Benchmarks.Disk;

/// <summary>
/// The gateway's store and upstream (the product's <see cref="ReadingWriter"/> and <see cref="MqttUpstream"/>, product
/// wiring) fed by sensors on a fixed cadence that do not wait for their commit before the next read. The real
/// gateway's pollers do wait (a sensor's period is Interval plus the commit wait), so with a long CommitInterval the
/// real process reads less often than its kit says; this child process shows what the storage settings would cost at
/// the intended rate. Run by the disk command as <c>paced-store --db F --sensors N --interval S [--commit S]
/// [--synchronous Full|Normal] [--port P]</c>; prints <c>committed N</c> after each commit.
/// </summary>
public static class PacedStore
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var storage = new StorageOptions
        {
            Synchronous = Enum.Parse<SqliteSynchronous>(options.Get("synchronous", nameof(SqliteSynchronous.Full)), ignoreCase: true),
        };
        storage.CommitInterval = TimeSpan.FromSeconds(options.Get("commit", storage.CommitInterval.TotalSeconds));
        var sensors = options.Get("sensors", 4);
        var interval = TimeSpan.FromSeconds(options.Get("interval", 3.0));
        var port = options.Get("port", 0);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        await using var store = await BenchStore.StartAsync(options.Get("db", "paced.db"), storage);
        var tasks = new List<Task> { ReportCommitsAsync(store, stop.Token) };
        if (port > 0)
        {
            var upstream = new MqttUpstream(
                new MqttUpstreamOptions { Name = "coop", Host = "127.0.0.1", Port = port, ReconnectMinDelay = TimeSpan.FromMilliseconds(200), ReconnectMaxDelay = TimeSpan.FromSeconds(2) },
                store.State.GatewayId, store.Log, store.Writer, store.Signal, TimeProvider.System, new Random(1), [], NullLogger.Instance);
            tasks.Add(upstream.RunAsync(stop.Token));
        }

        tasks.AddRange(Enumerable.Range(1, sensors).Select(i => SensorAsync(store.Writer, $"weather-{i}", interval, TimeSpan.FromSeconds(interval.TotalSeconds * i / sensors), stop.Token)));
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        return 0;
    }

    private static async Task SensorAsync(ReadingWriter writer, string id, TimeSpan interval, TimeSpan phase, CancellationToken stop)
    {
        await Task.Delay(phase, stop);
        using var timer = new PeriodicTimer(interval);
        var random = new Random(id.GetHashCode(StringComparison.Ordinal));
        while (await timer.WaitForNextTickAsync(stop))
        {
            var now = DateTimeOffset.UtcNow;
            var monotonic = Environment.TickCount64;
            NewReading[] readings =
            [
                new(id, "temperature", "Cel", Math.Round(21.5 + random.NextDouble(), 2), ReadingQuality.Simulated, now, monotonic),
                new(id, "humidity", "%RH", Math.Round(55 + random.NextDouble(), 2), ReadingQuality.Simulated, now, monotonic),
                new(id, "pressure", "Pa", Math.Round(101325 + (random.NextDouble() * 100), 1), ReadingQuality.Simulated, now, monotonic),
            ];
            _ = writer.AppendAsync(readings, stop); // not awaited: the next read does not wait for this one's commit
        }
    }

    private static async Task ReportCommitsAsync(BenchStore store, CancellationToken stop)
    {
        long seen = 0;
        while (!stop.IsCancellationRequested)
        {
            await store.Signal.WaitBeyondAsync(seen, stop);
            seen = store.Signal.LastCommitted;
            Console.WriteLine("committed " + seen.ToString(CultureInfo.InvariantCulture));
        }
    }
}
