using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SmartVillage.Gateway.Upstream.Mqtt;

namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>Runs the product's <see cref="MqttUpstream"/> over a store until its acknowledged cursor reaches the end.</summary>
public static class UpstreamDrain
{
    /// <param name="prefix">Upstream name (so a fresh cursor) and topic prefix (so the subscriber counts only this run).</param>
    /// <returns>The acknowledged sequence reached and when.</returns>
    public static async Task<(long Acked, TimeSpan Elapsed)> RunAsync(
        BenchStore store, int port, string prefix, int perMessage, int inFlight, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(store);
        var last = store.Writer.LastSequence;
        var upstream = new MqttUpstream(
            new MqttUpstreamOptions { Name = prefix, Host = "127.0.0.1", Port = port, TopicPrefix = prefix, MaxReadingsPerMessage = perMessage, MaxInFlight = inFlight },
            store.State.GatewayId, store.Log, store.Writer, store.Signal, TimeProvider.System, new Random(1), [], NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();
        var running = Task.Run(() => upstream.RunAsync(stop.Token));
        while (upstream.Status.AckedSequence < last && watch.Elapsed < timeout && !running.IsCompleted)
        {
            await Task.Delay(5);
        }

        var elapsed = watch.Elapsed;
        await stop.CancelAsync();
        await running;
        return (upstream.Status.AckedSequence, elapsed);
    }
}
