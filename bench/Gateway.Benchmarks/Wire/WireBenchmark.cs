using SmartVillage.Gateway.Benchmarks.Support;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Upstream.Mqtt;

namespace SmartVillage.Gateway.Benchmarks.Wire;

/// <summary>
/// Bytes on the wire per reading upstream, counted by a TCP relay between sender and broker (MQTT framing, topic,
/// properties, PUBACKs, CONNECT and pings included; TCP/IP headers not): the product's <see cref="MqttUpstream"/>
/// with full packs (the default 50, as when a backlog drains), with 3 per message (a live kit at a few readings/s
/// commits one BME280 read per group, so packs are that small), with 1 per message, and the raw one-reading-per-message
/// baseline; each against the SenML payload bytes per reading the subscriber received.
/// </summary>
public static class WireBenchmark
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var readings = options.Get("readings", 30_000);
        var inFlight = options.Get("in-flight", new MqttUpstreamOptions().MaxInFlight);
        var timeout = TimeSpan.FromSeconds(options.Get("timeout", 600));
        using var scratch = new Scratch(options, "wire");
        Console.WriteLine($"wire: {readings:N0} readings per case; files in {scratch.Path}");
        await using var broker = await Mosquitto.StartAsync(scratch.Folder("broker"));
        await using var proxy = new CountingProxy(broker.Port);
        await using var store = await BenchStore.StartAsync(scratch.File("backlog.db"), new StorageOptions());
        await store.AppendAllAsync(new SampleReadings().Groups(readings, store.Options.MaxGroupSize), producers: 1, window: 8);
        var last = store.Writer.LastSequence;

        var table = new ResultTable("sender", "wire B/reading up", "wire B/reading down", "SenML payload B/reading", "wire / payload", "vs 1 reading per message");
        var rows = new List<(string Label, double Up, double Down, double Payload)>();
        foreach (var perMessage in options.Doubles("per-message", $"{new MqttUpstreamOptions().MaxReadingsPerMessage},3,1").Select(x => (int)x))
        {
            var prefix = $"wire{perMessage}";
            await using var subscriber = await CountingSubscriber.StartAsync(broker.Port, $"{prefix}/+/senml");
            proxy.Reset();
            var (acked, _) = await UpstreamDrain.RunAsync(store, proxy.Port, prefix, perMessage, inFlight, timeout);
            await subscriber.WaitForAsync(last, TimeSpan.FromSeconds(60));
            rows.Add(Row($"ours: MqttUpstream, {perMessage}/message", acked, proxy, subscriber));
        }

        {
            var payloads = RawPublisher.SinglePayloads(store);
            await using var subscriber = await CountingSubscriber.StartAsync(broker.Port, "wireraw/+/senml");
            proxy.Reset();
            var acked = await RawPublisher.PublishAllAsync(proxy.Port, "wireraw/gw-bench/senml", payloads, 100);
            await subscriber.WaitForAsync(payloads.Count, TimeSpan.FromSeconds(60));
            rows.Add(Row("baseline: MQTTnet, 1/message, no properties", acked, proxy, subscriber));
        }

        var single = rows[^1].Up;
        foreach (var (label, up, down, payload) in rows)
        {
            table.Add(label, up, down, payload, up / payload, up / single);
        }

        table.Print($"bytes on the wire per reading ({last:N0} readings, client to broker = up)");
        return 0;
    }

    private static (string, double, double, double) Row(string label, long acked, CountingProxy proxy, CountingSubscriber subscriber)
    {
        if (acked < 1)
        {
            throw new InvalidOperationException($"{label}: nothing was acknowledged");
        }

        return (label, (double)proxy.UpstreamBytes / acked, (double)proxy.DownstreamBytes / acked,
            subscriber.Readings == 0 ? double.NaN : (double)subscriber.PayloadBytes / subscriber.Readings);
    }
}
