using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartVillage.Gateway.IntegrationTests.Support;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>LoRaWAN uplinks from a network server's MQTT integration, through a real Mosquitto, into the real gateway.</summary>
public sealed class NetworkServerIngestionTests : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();

    // Shapes from the domain notes §2.5; payload A2cBEAVnAP8= is Cayenne LPP 27.2 °C on channel 3, 25.5 °C on channel 5.
    private const string ChirpStackV4Uplink = """
        {"deduplicationId":"3ac7e3c4-4401-4b8d-9386-a5c902f9202d","time":"2026-03-01T06:12:30Z",
         "deviceInfo":{"applicationId":"17c82e96-be03-4f38-aef3-f83d48582d97","deviceName":"plot-7","devEui":"0101010101010101"},
         "fCnt":42,"fPort":2,"data":"A2cBEAVnAP8=","object":{"temperatureSensor":{"3":27.2,"5":25.5}},
         "rxInfo":[{"gatewayId":"0016c001f153a14c","rssi":-52,"snr":13.75}]}
        """;

    private const string TtnUplink = """
        {"end_device_ids":{"device_id":"eui-a8404194a1875ff3","application_ids":{"application_id":"app1"},"dev_eui":"A8404194A1875FF3"},
         "received_at":"2026-03-01T14:34:32.869Z",
         "uplink_message":{"f_port":2,"f_cnt":23709,"frm_payload":"A2cBEAVnAP8=",
          "rx_metadata":[{"gateway_ids":{"gateway_id":"gw1"},"rssi":-42,"snr":5.8}],"received_at":"2026-03-01T14:34:32.700Z"}}
        """;

    [Fact]
    public async Task A_chirpstack_v4_uplink_becomes_readings_of_the_device_eui_at_the_message_time()
    {
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        var database = _folder.File("gw.db");
        await using var gateway = StartGateway(broker.Port, "ChirpStackV4", nodes: []);
        await WaitSubscribedAsync(gateway);

        await PublishAsync(broker.Port, "application/17c82e96-be03-4f38-aef3-f83d48582d97/device/0101010101010101/event/up", ChirpStackV4Uplink);

        await Eventually.HoldsAsync(() => StoredReadings.Of(database, "0101010101010101").Count == 2, "two readings of the device are stored", s_patience);
        var rows = StoredReadings.Of(database, "0101010101010101");
        Assert.Equal([("temperatureSensor_3", 27.2), ("temperatureSensor_5", 25.5)], rows.Select(r => (r.Quantity, r.Value)));
        Assert.All(rows, r => Assert.Equal(new DateTimeOffset(2026, 3, 1, 6, 12, 30, TimeSpan.Zero), r.Time));
    }

    [Fact]
    public async Task A_things_stack_uplink_is_decoded_here_and_stored_under_the_mapped_node_at_received_at()
    {
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        var database = _folder.File("gw.db");
        await using var gateway = StartGateway(broker.Port, "TheThingsStackV3",
            nodes: [new { Id = "pump-field", DevEui = "A8404194A1875FF3", Decoder = "cayenne-lpp" }]);
        await WaitSubscribedAsync(gateway);

        await PublishAsync(broker.Port, "v3/app1@ttn/devices/eui-a8404194a1875ff3/up", TtnUplink);

        await Eventually.HoldsAsync(() => StoredReadings.Of(database, "pump-field").Count == 2, "two readings of pump-field are stored", s_patience);
        var rows = StoredReadings.Of(database, "pump-field");
        Assert.Equal([("temperature_3", 27.2), ("temperature_5", 25.5)], rows.Select(r => (r.Quantity, Math.Round(r.Value, 3))));
        Assert.All(rows, r => Assert.Equal(new DateTimeOffset(2026, 3, 1, 14, 34, 32, 869, TimeSpan.Zero), r.Time));
        var node = await NodeAsync(gateway, "pump-field");
        Assert.Equal(-42, node.GetProperty("rssiDbm").GetDouble());
        Assert.Equal(23709, node.GetProperty("lastFrameCounter").GetInt64());
    }

    [Fact]
    public async Task Malformed_json_is_counted_as_rejected_and_the_next_uplink_is_still_stored()
    {
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        var database = _folder.File("gw.db");
        await using var gateway = StartGateway(broker.Port, "ChirpStackV4", nodes: []);
        await WaitSubscribedAsync(gateway);

        await PublishAsync(broker.Port, "application/a/device/0101010101010101/event/up", "{\"deviceInfo\": [not json");
        await PublishAsync(broker.Port, "application/a/device/0101010101010101/event/up", ChirpStackV4Uplink);

        await Eventually.HoldsAsync(() => StoredReadings.Of(database, "0101010101010101").Count == 2, "the good uplink is stored", s_patience);
        var status = (await gateway.StatusAsync())!.Value.GetProperty("networkServer");
        Assert.Equal(1, status.GetProperty("uplinksRejected").GetInt64());
        Assert.False(gateway.HasExited);
    }

    [Fact]
    public async Task The_same_uplink_published_twice_is_stored_once_and_counted_as_a_duplicate()
    {
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        var database = _folder.File("gw.db");
        await using var gateway = StartGateway(broker.Port, "ChirpStackV4", nodes: []);
        await WaitSubscribedAsync(gateway);

        await PublishAsync(broker.Port, "application/a/device/0101010101010101/event/up", ChirpStackV4Uplink);
        await PublishAsync(broker.Port, "application/a/device/0101010101010101/event/up", ChirpStackV4Uplink);

        await Eventually.HoldsAsync(async () => (await gateway.StatusAsync()) is { } s &&
                s.GetProperty("nodes").EnumerateArray().Any(n => n.GetProperty("id").GetString() == "0101010101010101" && n.GetProperty("duplicates").GetInt64() == 1),
            "the second copy is counted as a duplicate", s_patience);
        // The copy is dropped when it arrives, possibly before the first one's group commit: wait for that commit.
        await Eventually.HoldsAsync(() => StoredReadings.Of(database, "0101010101010101").Count > 0, "the first copy is committed", s_patience);
        Assert.Equal(2, StoredReadings.Of(database, "0101010101010101").Count);
    }

    private GatewayProcess StartGateway(int brokerPort, string kind, object[] nodes)
    {
        var kit = new
        {
            Name = "network server test kit",
            Hardware = "Simulated",
            Nodes = nodes,
            NetworkServer = new { Kind = kind, Host = "127.0.0.1", Port = brokerPort, ReconnectMinDelay = "00:00:00.2", ReconnectMaxDelay = "00:00:01" },
        };
        var kitFile = KitFiles.Write(_folder.Path, "kit.json", JsonSerializer.Serialize(kit));
        return GatewayProcess.Start(kitFile, _folder.File("gw.db"), new Dictionary<string, string> { ["Gateway__Id"] = "gw-ns" });
    }

    private static Task WaitSubscribedAsync(GatewayProcess gateway) =>
        Eventually.HoldsAsync(async () => (await gateway.StatusAsync())?.GetProperty("networkServer").GetProperty("connected").GetBoolean() == true,
            "the gateway subscribed to the network server", s_patience);

    private static async Task<JsonElement> NodeAsync(GatewayProcess gateway, string id) =>
        (await gateway.StatusAsync())!.Value.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == id);

    private static async Task PublishAsync(int port, string topic, string json)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("network-server").Build());
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(json)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True(result.IsSuccess, result.ReasonString);
        await client.DisconnectAsync();
    }

    public void Dispose() => _folder.Dispose();
}
