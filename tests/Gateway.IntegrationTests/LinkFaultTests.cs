using SmartVillage.Gateway.IntegrationTests.Support;
using Xunit.Abstractions;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>
/// The gateway's link to the broker made bad on purpose with <see cref="FaultProxy"/>: slow, late, stalling, cut
/// mid-packet every few seconds; and a broker that comes back having lost all its state. Every sequence number must
/// arrive or be reported as a gap with a policy reason, and duplicates stay within the in-flight window per reconnect.
/// </summary>
public sealed class LinkFaultTests(ITestOutputHelper output) : IDisposable
{
    private const int Window = KitFiles.MaxInFlight * KitFiles.MaxReadingsPerMessage;
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(90);
    private static readonly string[] s_policyReasons = ["quota"];
    private readonly TempFolder _folder = new();

    /// <summary>128 kbit/s, 40-60 ms each way, a stall now and then, the connection cut every 1.5-4 s.</summary>
    private static readonly LinkFaults s_slowAndLossy = new()
    {
        Latency = TimeSpan.FromMilliseconds(40),
        Jitter = TimeSpan.FromMilliseconds(20),
        BytesPerSecond = 16 * 1024,
        StallChance = 0.01,
        StallMin = TimeSpan.FromMilliseconds(200),
        StallMax = TimeSpan.FromMilliseconds(1500),
        CutAfterMin = TimeSpan.FromSeconds(1.5),
        CutAfterMax = TimeSpan.FromSeconds(4),
    };

    [Theory]
    [InlineData("OldestFirst", 3101)]
    [InlineData("NewestFirst", 3102)]
    public async Task Over_a_slow_lossy_link_every_reading_arrives_and_duplicates_stay_within_the_window_per_reconnect(string order, int seed)
    {
        output.WriteLine($"fault proxy seed {seed}, drain order {order}");
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        await using var consumer = await SenmlSubscriber.StartAsync(broker.Port);
        await using var proxy = FaultProxy.Start(broker.Port, s_slowAndLossy, seed);
        await using var gateway = StartGateway(proxy.Port, order);

        await Eventually.HoldsAsync(() => proxy.Cuts >= 8, "the link was cut eight times", s_patience);
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= 100, "readings got through the bad link", s_patience);
        proxy.Faults = LinkFaults.Healthy with { Latency = s_slowAndLossy.Latency };
        proxy.CutAll();
        var stored = await gateway.LastSequenceAsync();
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= stored, $"everything stored up to {stored} was acknowledged", s_patience);
        var acked = await gateway.AckedSequenceAsync();
        await Eventually.HoldsAsync(() => consumer.Missing(acked).Count == 0, $"every sequence number up to {acked} arrived or was reported as a gap", s_patience);

        output.WriteLine($"{acked} readings, {proxy.Connections} connections, {proxy.Cuts} cuts, {consumer.Duplicates} duplicates");
        Assert.Equal(0, consumer.Conflicts);
        Assert.All(consumer.Gaps, g => Assert.Contains(g.Reason, s_policyReasons));
        // Each reconnect resends at most what was in flight when the link went: MaxInFlight messages.
        Assert.InRange(consumer.Duplicates, 0, proxy.Connections * Window);
        Assert.False(gateway.HasExited, "the gateway must ride out a bad link");
    }

    [Fact]
    public async Task A_broker_that_comes_back_without_its_state_gets_every_reading_it_had_not_acknowledged()
    {
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        await using var consumer = await SenmlSubscriber.StartAsync(broker.Port);
        await using var proxy = FaultProxy.Start(broker.Port, LinkFaults.Healthy, seed: 3103);
        await using var gateway = StartGateway(proxy.Port, "OldestFirst");
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= 60, "forwarding started", s_patience);

        // Hold the gateway off, so that what the broker acknowledged reaches the consumer before the broker crashes:
        // a broker's acknowledgement is not durable, and what it loses after acknowledging is not the gateway's to resend.
        proxy.Refusing = true;
        proxy.CutAll();
        await Eventually.HoldsAsync(async () => (await gateway.UpstreamAsync())?.GetProperty("connected").GetBoolean() == false, "the gateway lost its link", s_patience);
        var (prefix, above) = (await gateway.AcknowledgedAsync())!.Value;
        Assert.True(prefix >= 60);
        var acknowledged = Enumerable.Range(1, (int)prefix).Select(n => (long)n)
            .Concat(above.SelectMany(s => Enumerable.Range((int)s.First, (int)(s.Last - s.First + 1)).Select(n => (long)n))).ToList();
        await Eventually.HoldsAsync(() => acknowledged.All(consumer.Records.ContainsKey),
            "the consumer holds everything the broker acknowledged", s_patience);

        await broker.CrashAndLoseStateAsync();
        await broker.StartAgainAsync();
        await Eventually.HoldsAsync(() => consumer.Subscriptions == 2, "the consumer subscribed again to the broker that forgot it", s_patience);
        proxy.Refusing = false;

        var stored = await gateway.LastSequenceAsync();
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= stored + 30, "the backlog drained to the new broker", s_patience);
        var acked = await gateway.AckedSequenceAsync();
        await Eventually.HoldsAsync(() => consumer.Missing(acked).Count == 0, $"the consumer holds readings 1-{acked}", s_patience);
        Assert.Equal(0, consumer.Conflicts);
        Assert.Contains("(session present: False)", gateway.Output.Split('\n').Last(l => l.Contains("connected to", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silent_partition_is_noticed_within_the_operation_timeout_and_nothing_is_lost()
    {
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        await using var consumer = await SenmlSubscriber.StartAsync(broker.Port);
        await using var proxy = FaultProxy.Start(broker.Port, LinkFaults.Healthy, seed: 3104);
        await using var gateway = StartGateway(proxy.Port, "OldestFirst", new() { ["Kit__Upstreams__0__OperationTimeout"] = "00:00:04" });
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= 60, "forwarding started", s_patience);

        // Half-open: no FIN, no RST, bytes simply vanish. Only a timeout (publish or keep-alive) can tell.
        proxy.Partitioned = true;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.HoldsAsync(async () => (await gateway.UpstreamAsync())?.GetProperty("connected").GetBoolean() == false, "the gateway noticed the dead link", s_patience);
        var noticedAfter = clock.Elapsed;
        var stalled = await gateway.LastSequenceAsync();
        await Eventually.HoldsAsync(async () => await gateway.LastSequenceAsync() >= stalled + 120, "readings kept being stored during the partition", s_patience);
        proxy.Partitioned = false;

        var stored = await gateway.LastSequenceAsync();
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= stored, "the backlog drained once the partition healed", s_patience);
        var acked = await gateway.AckedSequenceAsync();
        await Eventually.HoldsAsync(() => consumer.Missing(acked).Count == 0, $"the consumer holds readings 1-{acked}", s_patience);

        output.WriteLine($"dead link noticed after {noticedAfter.TotalSeconds:0.0} s; {consumer.Duplicates} duplicates");
        // Publishes time out after 4 s (and keep-alive pings after 5 s + 4 s); the rest is this machine's slack.
        Assert.True(noticedAfter < TimeSpan.FromSeconds(15), $"the dead link was noticed only after {noticedAfter.TotalSeconds:0.0} s");
        Assert.Equal(0, consumer.Conflicts);
        Assert.InRange(consumer.Duplicates, 0, 2 * Window);
    }

    private GatewayProcess StartGateway(int port, string order, Dictionary<string, string>? settings = null) =>
        GatewayProcess.Start(KitFiles.WriteFastWeatherKit(_folder.Path, port), _folder.File("readings.db"), new Dictionary<string, string>(settings ?? [])
        {
            ["Gateway__Id"] = "gw-link",
            ["Kit__Upstreams__0__DrainOrder"] = order,
        });

    public void Dispose() => _folder.Dispose();
}
