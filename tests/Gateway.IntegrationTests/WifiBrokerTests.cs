using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartVillage.Gateway.IntegrationTests.Support;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>An ESP32-style node publishing to the gateway's embedded broker, over loopback, to the real gateway process.</summary>
public sealed class WifiBrokerTests : IDisposable
{
    private const string Password = "correct-horse-battery-staple";
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_node_with_the_wrong_password_is_refused_and_the_refusal_is_counted()
    {
        var port = FreePort.Next();
        await using var gateway = StartGateway(port);
        await WaitListeningAsync(gateway);

        using var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(NodeOptions(port, "pump-1", "not-the-password"));

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        Assert.False(client.IsConnected);
        var broker = (await gateway.StatusAsync())!.Value.GetProperty("wifiBroker");
        Assert.Equal(1, broker.GetProperty("refusedLogins").GetInt64());
        Assert.DoesNotContain("not-the-password", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_with_the_right_password_has_its_readings_stored()
    {
        var port = FreePort.Next();
        var database = _folder.File("gw.db");
        await using var gateway = StartGateway(port);
        await WaitListeningAsync(gateway);

        using var client = new MqttClientFactory().CreateMqttClient();
        var connected = await client.ConnectAsync(NodeOptions(port, "pump-1", Password));
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        var published = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("tele/pump-1/SENSOR")
            .WithPayload(Encoding.UTF8.GetBytes("""{"Time":"2026-06-01T14:00:00","DS18B20":{"Temperature":14.5},"TempUnit":"C"}"""))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        // The PUBACK comes after the commit: the reading is already in the file.
        Assert.True(published.IsSuccess, published.ReasonString);
        var row = Assert.Single(StoredReadings.Of(database, "pump-1"));
        Assert.Equal(("DS18B20_Temperature", "Cel", 14.5), (row.Quantity, row.Unit, row.Value));
        Assert.DoesNotContain(Password, gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_publishing_outside_its_topic_is_not_stored_and_the_rejection_names_the_topic()
    {
        var port = FreePort.Next();
        var database = _folder.File("gw.db");
        await using var gateway = StartGateway(port);
        await WaitListeningAsync(gateway);

        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(NodeOptions(port, "pump-1", Password));
        var published = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("tele/someone-else/SENSOR")
            .WithPayload("""{"X":{"Temperature":1}}"""u8.ToArray()).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, published.ReasonCode);
        Assert.Empty(StoredReadings.Of(database, "pump-1"));
        var node = (await gateway.StatusAsync())!.Value.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "pump-1");
        Assert.Contains("tele/someone-else/SENSOR", node.GetProperty("lastRejection").GetString(), StringComparison.Ordinal);
    }

    private static MqttClientOptions NodeOptions(int port, string username, string password) =>
        new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("esp32-" + username)
            .WithCredentials(username, password).Build();

    private GatewayProcess StartGateway(int brokerPort)
    {
        var kit = new
        {
            Name = "wifi test kit",
            Hardware = "Simulated",
            Nodes = new object[] { new { Id = "pump-1", Name = "Pump house" } },
            WifiBroker = new
            {
                Enabled = true,
                ListenAddress = "127.0.0.1",
                Port = brokerPort,
                Nodes = new object[] { new { Node = "pump-1", Username = "pump-1", Topic = "tele/pump-1/SENSOR", Format = "Tasmota" } },
            },
        };
        var kitFile = KitFiles.Write(_folder.Path, "kit.json", JsonSerializer.Serialize(kit));
        // The password comes from the environment, as the docs recommend, not from the kit file.
        return GatewayProcess.Start(kitFile, _folder.File("gw.db"), new Dictionary<string, string>
        {
            ["Kit__WifiBroker__Nodes__0__Password"] = Password,
            ["Logging__LogLevel__Default"] = "Debug",
        });
    }

    private static Task WaitListeningAsync(GatewayProcess gateway) =>
        Eventually.HoldsAsync(async () => (await gateway.StatusAsync())?.GetProperty("wifiBroker").GetProperty("listening").GetBoolean() == true,
            "the embedded broker listens", s_patience);

    public void Dispose() => _folder.Dispose();
}
