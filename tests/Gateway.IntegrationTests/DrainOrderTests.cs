using SmartVillage.Gateway.IntegrationTests.Support;
using Xunit.Abstractions;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>
/// How a backlog drains after an outage, for real (gateway process, Mosquitto, a consumer): in the configured order,
/// completely, with live readings flowing meanwhile, and without loss when the gateway is killed half-way.
/// </summary>
public sealed class DrainOrderTests(ITestOutputHelper output) : IDisposable
{
    private const string GatewayId = "gw-drain";
    private const int Window = KitFiles.MaxInFlight * KitFiles.MaxReadingsPerMessage;
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(90);
    private readonly TempFolder _folder = new();
    private readonly List<GatewayProcess> _started = [];

    [Fact]
    public async Task A_backlog_drained_newest_first_arrives_newest_first_and_complete()
    {
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        await using var consumer = await SenmlSubscriber.StartAsync(broker.Port);
        await using var gateway = StartGateway(broker.Port, "NewestFirst");
        var ackedWhenStopped = await OutageAsync(broker, gateway, backlog: 400);
        var stored = await gateway.LastSequenceAsync();
        var arrivedBefore = consumer.Messages.Count;

        await broker.StartAgainAsync();
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= stored, "the backlog drained", s_patience);
        var acked = await gateway.AckedSequenceAsync();
        await Eventually.HoldsAsync(() => consumer.Missing(acked).Count == 0, $"the consumer holds readings 1-{acked}", s_patience);

        // The backlog's messages, as they arrived: leave out live readings (above what was stored before the broker came
        // back) and anything the broker may already have held before it stopped (acknowledged, or in flight then).
        var backlog = consumer.Messages.Skip(arrivedBefore)
            .Where(m => m.Fresh > 0 && m.Last <= stored && m.First > ackedWhenStopped + Window)
            .ToList();
        Assert.True(backlog.Count >= 10, $"only {backlog.Count} backlog messages arrived fresh");
        Assert.True(backlog[0].Last > stored - KitFiles.MaxReadingsPerMessage, $"the first backlog message held {backlog[0].First}-{backlog[0].Last}, not the newest readings (up to {stored})");
        for (var i = 1; i < backlog.Count; i++)
        {
            Assert.True(backlog[i].Last < backlog[i - 1].First,
                $"backlog message {backlog[i].First}-{backlog[i].Last} arrived after {backlog[i - 1].First}-{backlog[i - 1].Last}: not newest first");
        }

        Assert.Equal(0, consumer.Conflicts);
        Assert.InRange(consumer.Duplicates, 0, 2 * Window);
    }

    [Theory]
    [InlineData("OldestFirst")]
    [InlineData("NewestFirst")]
    public async Task Live_readings_keep_arriving_while_a_throttled_backlog_drains(string order)
    {
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        await using var consumer = await SenmlSubscriber.StartAsync(broker.Port);
        // Readings are taken at 30/s; the budget is 60/s, so the backlog drains at about 30/s beside them.
        await using var gateway = StartGateway(broker.Port, order, new()
        {
            ["Kit__Upstreams__0__MaxReadingsPerSecond"] = "60",
            ["Kit__Sensors__0__Interval"] = "00:00:00.2",
            ["Kit__Sensors__1__Interval"] = "00:00:00.2",
        });
        await OutageAsync(broker, gateway, backlog: 300);
        await broker.StartAgainAsync();
        await Eventually.HoldsAsync(async () => (await gateway.UpstreamAsync())?.GetProperty("connected").GetBoolean() == true, "reconnected", s_patience);
        var stored = await gateway.LastSequenceAsync();

        // A reading taken a second after the reconnect must arrive while the backlog (at least 5 s of budget) still drains.
        var live = stored + 30;
        await Eventually.HoldsAsync(() => consumer.Records.ContainsKey(live), $"live reading {live} arrived", s_patience);
        var ackedWhenLiveArrived = await gateway.AckedSequenceAsync();
        Assert.True(ackedWhenLiveArrived < stored - 60,
            $"live reading {live} arrived only when the backlog up to {ackedWhenLiveArrived} of {stored} had drained");

        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= live, "the backlog drained", s_patience);
        var acked = await gateway.AckedSequenceAsync();
        await Eventually.HoldsAsync(() => consumer.Missing(acked).Count == 0, () => $"the consumer holds readings 1-{acked} (missing {Describe(consumer.Missing(acked))})", s_patience);

        Assert.Equal(0, consumer.Conflicts);
    }

    private static string Describe(IReadOnlyList<long> missing) =>
        missing.Count == 0 ? "none" : $"{missing.Count}: {string.Join(", ", missing.Take(30))}";

    [Fact]
    public async Task A_gateway_killed_during_a_newest_first_drain_loses_nothing()
    {
        const int kills = 4;
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        await using var consumer = await SenmlSubscriber.StartAsync(broker.Port);
        var settings = new Dictionary<string, string> { ["Kit__Upstreams__0__MaxReadingsPerSecond"] = "100" };
        var gateway = StartGateway(broker.Port, "NewestFirst", settings);
        try
        {
            await OutageAsync(broker, gateway, backlog: 600);
            await broker.StartAgainAsync();
            for (var kill = 0; kill < kills; kill++)
            {
                // Killed half-way through a newest-first drain: readings acknowledged above a hole not yet drained.
                var current = gateway;
                var k = kill;
                await Eventually.HoldsAsync(async () => await InMidDrainAsync(current),
                    () => $"kill {k}: this run acknowledged readings above the backlog (upstream: {current.UpstreamAsync().Result})", s_patience);
                gateway.KillHard();
                await gateway.DisposeAsync();
                gateway = StartGateway(broker.Port, "NewestFirst", settings);
            }

            await Eventually.HoldsAsync(async () => await gateway.LastSequenceAsync() > 0, "the gateway restarted", s_patience);
            var highestSeen = await gateway.LastSequenceAsync();
            await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= highestSeen, "the backlog drained after the last kill", s_patience);
            var acked = await gateway.AckedSequenceAsync();
            await Eventually.HoldsAsync(() => consumer.Missing(acked).Count == 0, $"the consumer holds readings 1-{acked}", s_patience);
        }
        finally
        {
            await gateway.DisposeAsync();
        }

        output.WriteLine($"{kills} kills during a newest-first drain: {consumer.Records.Count} readings, {consumer.Duplicates} duplicates");
        Assert.Equal(0, consumer.Conflicts);
        Assert.Empty(consumer.Gaps);
        // Per kill: the in-flight window, plus acknowledgements not yet committed (0.2 s at 100 readings/s), with slack.
        Assert.InRange(consumer.Duplicates, 0, (kills + 1) * 2 * (Window + 20));
    }

    /// <summary>True when this gateway process has had messages acknowledged above a backlog it has not yet drained.</summary>
    private static async Task<bool> InMidDrainAsync(GatewayProcess gateway) =>
        await gateway.UpstreamAsync() is { } upstream &&
        upstream.GetProperty("messagesAcknowledged").GetInt64() >= 3 &&
        upstream.GetProperty("acknowledgedAbove").GetArrayLength() > 0 &&
        upstream.GetProperty("backlog").GetInt64() > 60;

    /// <summary>Forwards for a while, stops the broker, and waits for a backlog to build up.</summary>
    /// <returns>What the broker had acknowledged when it stopped.</returns>
    private static async Task<long> OutageAsync(MosquittoBroker broker, GatewayProcess gateway, int backlog)
    {
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= 30, "forwarding started", s_patience);
        await broker.StopAsync();
        var acked = await gateway.AckedSequenceAsync();
        await Eventually.HoldsAsync(async () => await gateway.LastSequenceAsync() >= acked + backlog, $"a backlog of {backlog} readings built up", s_patience);
        return acked;
    }

    private GatewayProcess StartGateway(int brokerPort, string order, Dictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(settings ?? [])
        {
            ["Gateway__Id"] = GatewayId,
            ["Kit__Upstreams__0__DrainOrder"] = order,
        };
        var gateway = GatewayProcess.Start(KitFiles.WriteFastWeatherKit(_folder.Path, brokerPort), _folder.File("readings.db"), environment);
        _started.Add(gateway);
        return gateway;
    }

    public void Dispose()
    {
        foreach (var gateway in _started)
        {
            // The end of what each gateway said, for a failing run (xunit shows it with the failure).
            output.WriteLine(string.Join('\n', gateway.Output.Split('\n').TakeLast(60)));
        }

        _folder.Dispose();
    }
}
