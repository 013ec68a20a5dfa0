using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Upstream.Mqtt;

namespace SmartVillage.Gateway.Upstream;

/// <summary>Runs every configured upstream, each at its own pace over the same log: a stuck one blocks no other.</summary>
public sealed class UpstreamService : BackgroundService
{
    public UpstreamService(
        KitOptions kit,
        StoreState store,
        ReadingLog log,
        ReadingWriter writer,
        CommitSignal commits,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger<MqttUpstream>();
        Upstreams = kit.Upstreams
            .Select(options => new MqttUpstream(options, store.GatewayId, log, writer, commits, time, Random.Shared, store.Alarms, logger))
            .ToList();
    }

    public IReadOnlyList<MqttUpstream> Upstreams { get; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Upstreams.Select(upstream => Task.Run(() => upstream.RunAsync(stoppingToken), stoppingToken)));
}
