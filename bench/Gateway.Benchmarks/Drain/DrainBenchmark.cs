using System.Diagnostics;
using SmartVillage.Gateway.Benchmarks.Support;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Upstream.Mqtt;

namespace SmartVillage.Gateway.Benchmarks.Drain;

/// <summary>
/// Drain rate of a pre-filled backlog to a local Mosquitto at QoS 1 through <see cref="MqttUpstream"/> (product
/// defaults unless overridden), timed until its acknowledged cursor reaches the end of the log, with a subscriber
/// counting; against raw MQTTnet publishing one reading per message (each the SenML pack of that reading alone),
/// QoS 1, 100 in flight, to the same broker with the same kind of subscriber. Target: ours faster in readings/s.
/// </summary>
public static class DrainBenchmark
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var readings = options.Get("readings", 1_000_000);
        var runs = options.Get("runs", 1);
        var perMessage = options.Get("per-message", new MqttUpstreamOptions().MaxReadingsPerMessage);
        var inFlight = options.Get("in-flight", new MqttUpstreamOptions().MaxInFlight);
        var baselineInFlight = options.Get("baseline-in-flight", 100);
        var timeout = TimeSpan.FromSeconds(options.Get("timeout", 900));
        using var scratch = new Scratch(options, "drain");
        Console.WriteLine($"drain: backlog of {readings:N0} readings, {runs} run(s); ours: MaxReadingsPerMessage={perMessage}, MaxInFlight={inFlight}; " +
            $"baseline: 1 reading per message, {baselineInFlight} in flight; files in {scratch.Path}");

        await using var broker = await Mosquitto.StartAsync(scratch.Folder("broker"));
        await using var store = await BenchStore.StartAsync(scratch.File("backlog.db"), new StorageOptions());
        var fill = Stopwatch.StartNew();
        await store.AppendAllAsync(new SampleReadings().Groups(readings, store.Options.MaxGroupSize), producers: 1, window: 8);
        var last = store.Writer.LastSequence;
        Console.WriteLine($"  backlog of {last:N0} readings written in {fill.Elapsed.TotalSeconds:0.0} s");
        var payloads = RawPublisher.SinglePayloads(store);

        var ours = new List<Result>();
        var baseline = new List<Result>();
        for (var run = 1; run <= runs; run++)
        {
            baseline.Add(await BaselineAsync(broker.Port, $"run{run}-raw", payloads, baselineInFlight, timeout));
            Console.WriteLine($"  run {run}: baseline {baseline[^1]}");
            ours.Add(await OursAsync(broker.Port, store, $"run{run}-ours", last, perMessage, inFlight, timeout));
            Console.WriteLine($"  run {run}: ours     {ours[^1]}");
        }

        var ourRate = Stats.Median([.. ours.Select(r => r.AckedPerSecond)]);
        var rawRate = Stats.Median([.. baseline.Select(r => r.AckedPerSecond)]);
        var table = new ResultTable("sender", "readings/s acked", "readings/s at subscriber", "messages/s", "payload B/reading", "complete");
        table.Add($"ours: MqttUpstream, {perMessage}/message, {inFlight} in flight", ourRate,
            Stats.Median([.. ours.Select(r => r.DeliveredPerSecond)]), Stats.Median([.. ours.Select(r => r.MessagesPerSecond)]),
            Stats.Median([.. ours.Select(r => r.PayloadPerReading)]), ours.All(r => r.Complete) ? "yes" : "NO");
        table.Add($"baseline: MQTTnet, 1/message, {baselineInFlight} in flight", rawRate,
            Stats.Median([.. baseline.Select(r => r.DeliveredPerSecond)]), Stats.Median([.. baseline.Select(r => r.MessagesPerSecond)]),
            Stats.Median([.. baseline.Select(r => r.PayloadPerReading)]), baseline.All(r => r.Complete) ? "yes" : "NO");
        table.Add("ratio ours / baseline (target > 1)", ourRate / rawRate, "", "", "", ourRate > rawRate ? "target met" : "TARGET MISSED");
        table.Print($"drain of {last:N0} readings to Mosquitto at QoS 1 (medians of {runs})");
        return 0;
    }

    private static async Task<Result> OursAsync(int port, BenchStore store, string prefix, long last, int perMessage, int inFlight, TimeSpan timeout)
    {
        await using var subscriber = await CountingSubscriber.StartAsync(port, $"{prefix}/+/senml");
        var watch = Stopwatch.StartNew();
        var (ackedSequence, acked) = await UpstreamDrain.RunAsync(store, port, prefix, perMessage, inFlight, timeout);
        var complete = await subscriber.WaitForAsync(last, timeout - watch.Elapsed);
        var delivered = watch.Elapsed;
        return new Result(ackedSequence, acked, subscriber.Readings, delivered, subscriber.Messages, subscriber.PayloadBytes,
            complete && ackedSequence >= last);
    }

    private static async Task<Result> BaselineAsync(int port, string prefix, List<byte[]> payloads, int inFlight, TimeSpan timeout)
    {
        await using var subscriber = await CountingSubscriber.StartAsync(port, $"{prefix}/+/senml");
        var watch = Stopwatch.StartNew();
        var acked = await RawPublisher.PublishAllAsync(port, $"{prefix}/gw-bench/senml", payloads, inFlight);
        var ackedAt = watch.Elapsed;
        var complete = await subscriber.WaitForAsync(payloads.Count, timeout);
        var delivered = watch.Elapsed;
        return new Result(acked, ackedAt, subscriber.Readings, delivered, subscriber.Messages, subscriber.PayloadBytes,
            complete && acked == payloads.Count);
    }

    private sealed record Result(long Acked, TimeSpan AckedAfter, long Delivered, TimeSpan DeliveredAfter, long Messages, long PayloadBytes, bool Complete)
    {
        public double AckedPerSecond => Acked / AckedAfter.TotalSeconds;

        public double DeliveredPerSecond => Delivered / DeliveredAfter.TotalSeconds;

        public double MessagesPerSecond => Messages / DeliveredAfter.TotalSeconds;

        public double PayloadPerReading => Delivered == 0 ? double.NaN : (double)PayloadBytes / Delivered;

        public override string ToString() =>
            $"{Acked:N0} acked in {AckedAfter.TotalSeconds:0.0} s ({ResultTable.Format(AckedPerSecond)}/s), {Delivered:N0} at subscriber in " +
            $"{DeliveredAfter.TotalSeconds:0.0} s, {Messages:N0} messages{(Complete ? "" : " INCOMPLETE")}";
    }
}
