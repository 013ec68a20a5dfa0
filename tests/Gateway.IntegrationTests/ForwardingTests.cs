using SmartVillage.Gateway.IntegrationTests.Support;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>The whole path, for real: simulated BME280s, the gateway process, SQLite, MQTTnet, Mosquitto, a consumer.</summary>
public sealed class ForwardingTests : IDisposable
{
    private const string GatewayId = "gw-it";
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(90);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Every_reading_arrives_upstream_as_senml_with_gateway_id_and_no_gap()
    {
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        await using var consumer = await SenmlSubscriber.StartAsync(broker.Port);
        await using var gateway = StartGateway(broker.Port);

        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= 300, "the broker acknowledged 300 readings", s_patience);
        var acked = await gateway.AckedSequenceAsync();
        await Eventually.HoldsAsync(() => consumer.Missing(acked).Count == 0, $"the consumer holds readings 1-{acked}", s_patience);

        Assert.Equal(GatewayId + ":", consumer.BaseName);
        var temperature = consumer.Records.Values.First(r => r.Name == "gw-it:weather-a/temperature");
        Assert.Equal("Cel", temperature.Unit);
        Assert.InRange(temperature.Value, -10, 45);
        Assert.Contains(consumer.Records.Values, r => r.Name == "gw-it:weather-b/pressure" && r.Unit == "Pa");
        Assert.Equal(0, consumer.Conflicts);
    }

    [Fact]
    public async Task The_backlog_drains_after_the_broker_is_stopped_and_started_with_no_gap()
    {
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        await using var consumer = await SenmlSubscriber.StartAsync(broker.Port);
        await using var gateway = StartGateway(broker.Port);
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= 60, "forwarding started", s_patience);

        await broker.StopAsync();
        var ackedWhenStopped = await gateway.AckedSequenceAsync();
        await Eventually.HoldsAsync(async () => await gateway.LastSequenceAsync() >= ackedWhenStopped + 300,
            "300 more readings were stored while the broker was down", s_patience);
        var upstream = (await gateway.UpstreamAsync())!.Value;
        Assert.False(upstream.GetProperty("connected").GetBoolean());
        Assert.True(upstream.GetProperty("backlog").GetInt64() >= 300 - (KitFiles.MaxInFlight * KitFiles.MaxReadingsPerMessage));

        await broker.StartAgainAsync();
        var storedBeforeRestart = await gateway.LastSequenceAsync();
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= storedBeforeRestart, "the backlog drained", s_patience);
        var acked = await gateway.AckedSequenceAsync();
        await Eventually.HoldsAsync(() => consumer.Missing(acked).Count == 0, $"the consumer holds readings 1-{acked}", s_patience);

        Assert.Equal(0, consumer.Conflicts);
        // Resends after one reconnect are bounded by the in-flight window (with slack for the broker's own redelivery).
        Assert.InRange(consumer.Duplicates, 0, 2 * KitFiles.MaxInFlight * KitFiles.MaxReadingsPerMessage);
    }

    [Fact]
    public async Task Readings_given_up_for_the_quota_during_an_outage_arrive_as_a_quota_gap()
    {
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        await using var consumer = await SenmlSubscriber.StartAsync(broker.Port);
        await using var gateway = StartGateway(broker.Port, new()
        {
            ["Storage__QuotaBytes"] = "65536",
            ["Storage__MaintenanceInterval"] = "00:00:00.2",
        });
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= 30, "forwarding started", s_patience);

        await broker.StopAsync();
        await Eventually.HoldsAsync(async () => (await gateway.StatusAsync())?.GetProperty("droppedForQuota").GetInt64() > 0,
            "the quota forced the gateway to give readings up", s_patience);
        await broker.StartAgainAsync();
        var stored = await gateway.LastSequenceAsync();
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= stored, "the backlog drained", s_patience);
        var acked = await gateway.AckedSequenceAsync();
        await Eventually.HoldsAsync(() => consumer.Missing(acked).Count == 0, $"every sequence number up to {acked} arrived or was reported as a gap", s_patience);

        Assert.Contains(consumer.Gaps, g => g.Reason == "quota");
        Assert.DoesNotContain(consumer.Gaps, g => g.Reason != "quota");
        Assert.Equal(0, consumer.Conflicts);
    }

    [Fact]
    public async Task A_backlog_drains_no_faster_than_the_upstream_budget()
    {
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        await using var consumer = await SenmlSubscriber.StartAsync(broker.Port);
        await using var gateway = StartGateway(broker.Port, new() { ["Kit__Upstreams__0__MaxReadingsPerSecond"] = "100" });
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= 30, "forwarding started", s_patience);
        await broker.StopAsync();
        var acked = await gateway.AckedSequenceAsync();
        await Eventually.HoldsAsync(async () => await gateway.LastSequenceAsync() >= acked + 600, "a backlog of 600 readings built up", s_patience);

        await broker.StartAgainAsync();
        await Eventually.HoldsAsync(async () => (await gateway.UpstreamAsync())?.GetProperty("connected").GetBoolean() == true, "reconnected", s_patience);
        var from = await gateway.AckedSequenceAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= from + 400, "400 more readings were acknowledged", s_patience);

        // 100 readings/s with a one-second burst: 400 readings cannot take less than (400 - 100 - one message) / 100 s.
        // Only a lower bound is asserted: a slow machine makes it longer, never shorter.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2.5), $"400 readings drained in {clock.Elapsed.TotalSeconds:0.00} s, faster than the budget allows");
    }

    private GatewayProcess StartGateway(int brokerPort, Dictionary<string, string>? settings = null)
    {
        settings ??= [];
        settings["Gateway__Id"] = GatewayId;
        return GatewayProcess.Start(KitFiles.WriteFastWeatherKit(_folder.Path, brokerPort), _folder.File("readings.db"), settings);
    }

    public void Dispose() => _folder.Dispose();
}
