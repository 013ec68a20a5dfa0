using System.Text.Json;
using SmartVillage.Gateway.IntegrationTests.Support;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>TLS upstream with real certificate checks against a real Mosquitto TLS listener and a private CA.</summary>
public sealed class TlsUpstreamTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Readings_flow_over_tls_to_a_broker_signed_by_the_configured_ca()
    {
        var certificates = TestCertificates.Create(_folder.Path, "localhost");
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path, certificates.ListenerSettings);
        await using var gateway = StartGateway(broker.Port, "localhost", certificates.CaFile);

        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= 30, "readings were acknowledged over TLS", TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task A_broker_certificate_from_another_ca_is_refused()
    {
        var certificates = TestCertificates.Create(_folder.Path, "localhost");
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path, certificates.ListenerSettings);
        await using var gateway = StartGateway(broker.Port, "localhost", certificates.OtherCaFile);

        await AssertRefusedAsync(gateway);
    }

    [Fact]
    public async Task A_broker_certificate_for_another_host_name_is_refused()
    {
        var certificates = TestCertificates.Create(_folder.Path, "broker.cooperative.example");
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path, certificates.ListenerSettings);
        await using var gateway = StartGateway(broker.Port, "localhost", certificates.CaFile);

        await AssertRefusedAsync(gateway);
    }

    private static async Task AssertRefusedAsync(GatewayProcess gateway)
    {
        JsonElement upstream = default;
        await Eventually.HoldsAsync(async () =>
        {
            upstream = await gateway.UpstreamAsync() ?? default;
            return upstream.ValueKind == JsonValueKind.Object && upstream.GetProperty("connectAttempts").GetInt64() >= 2;
        }, "the gateway tried to connect twice", TimeSpan.FromSeconds(90));

        Assert.False(upstream.GetProperty("connected").GetBoolean());
        Assert.Equal(0, upstream.GetProperty("ackedSequence").GetInt64());
        Assert.Contains("certificate", upstream.GetProperty("lastError").GetString(), StringComparison.OrdinalIgnoreCase);
        await Eventually.HoldsAsync(async () => await gateway.LastSequenceAsync() > 0, "readings are still kept locally", TimeSpan.FromSeconds(60));
    }

    private GatewayProcess StartGateway(int port, string host, string caFile) =>
        GatewayProcess.Start(KitFiles.WriteFastWeatherKit(_folder.Path, port), _folder.File("readings.db"), new Dictionary<string, string>
        {
            ["Kit__Upstreams__0__Host"] = host,
            ["Kit__Upstreams__0__Tls"] = "true",
            ["Kit__Upstreams__0__CaCertificateFile"] = caFile,
            // A private CA has no revocation list to reach from here; chain and host name are still checked.
            ["Kit__Upstreams__0__CheckCertificateRevocation"] = "false",
        });

    public void Dispose() => _folder.Dispose();
}
