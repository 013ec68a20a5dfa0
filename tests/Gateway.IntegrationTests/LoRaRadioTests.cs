using System.Text.Json;
using SmartVillage.Gateway.IntegrationTests.Support;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>
/// The simulated SX1276 of a simulated kit, driven by simulated field nodes, read by the real driver inside the real
/// gateway process.
/// </summary>
public sealed class LoRaRadioTests : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_cayenne_lpp_frame_becomes_stored_readings_with_rssi_and_snr_in_the_node_registry()
    {
        var database = _folder.File("gw.db");
        await using var gateway = StartGateway(version: "0x12", crcErrorEvery: 0);

        await Eventually.HoldsAsync(() => StoredReadings.Of(database, "plot-7").Count >= 3, "readings of plot-7 are stored", s_patience);

        var rows = StoredReadings.Of(database, "plot-7");
        Assert.Equal(["temperature_1", "humidity_2", "voltage_3"], rows.Take(3).Select(r => r.Quantity));
        Assert.Equal(64, rows[0].Quality & 64); // Simulated flag: a demo never passes for a field kit
        var node = await NodeAsync(gateway, "plot-7");
        Assert.Equal(-70, node.GetProperty("rssiDbm").GetDouble());
        Assert.Equal(9.5, node.GetProperty("snrDb").GetDouble());
        Assert.Equal(4.1, node.GetProperty("battery").GetDouble(), 2);
    }

    [Fact]
    public async Task A_crc_error_packet_is_counted_and_not_stored()
    {
        var database = _folder.File("gw.db");
        await using var gateway = StartGateway(version: "0x12", crcErrorEvery: 2);

        await Eventually.HoldsAsync(async () => (await gateway.StatusAsync()) is { } s && s.GetProperty("radio").GetProperty("crcErrors").GetInt64() >= 2,
            "the radio counted CRC errors", s_patience);

        // Every frame sent is either stored whole (3 readings) or counted as a CRC error; none is half stored.
        var node = await NodeAsync(gateway, "plot-7");
        var accepted = node.GetProperty("framesAccepted").GetInt64();
        await Eventually.HoldsAsync(() => StoredReadings.Of(database, "plot-7").Count >= 3 * accepted, "accepted frames are committed", s_patience);
        var radio = await RadioAsync(gateway);
        Assert.True(radio.GetProperty("packetsReceived").GetInt64() >= 1);
        Assert.Equal(0, StoredReadings.Of(database, "plot-7").Count % 3);
        Assert.Equal(0, node.GetProperty("rejected").GetInt64());
    }

    [Fact]
    public async Task A_wrong_version_register_marks_the_radio_failed_and_the_gateway_keeps_running()
    {
        var database = _folder.File("gw.db");
        await using var gateway = StartGateway(version: "0x00", crcErrorEvery: 0);

        await Eventually.HoldsAsync(async () => (await gateway.StatusAsync()) is { } s && s.GetProperty("radio").GetProperty("state").GetString() == "Failed",
            "the radio is marked failed", s_patience);
        var radio = await RadioAsync(gateway);
        Assert.Contains("RegVersion (0x42) read 0x00", radio.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("LoRa radio on SPI 0.0 stopped", gateway.Output, StringComparison.Ordinal);

        // The wired sensor still produces readings afterwards.
        var before = await gateway.LastSequenceAsync();
        await Eventually.HoldsAsync(async () => await gateway.LastSequenceAsync() > before + 3, "the weather sensor keeps being stored", s_patience);
        Assert.False(gateway.HasExited);
        Assert.Empty(StoredReadings.Of(database, "plot-7"));
    }

    private GatewayProcess StartGateway(string version, int crcErrorEvery)
    {
        var kit = new
        {
            Name = "lora test kit",
            Hardware = "Simulated",
            Sensors = new object[] { new { Id = "weather", Type = "bme280", Bus = 1, Address = "0x76", Interval = "00:00:00.2" } },
            Radio = new
            {
                Plan = "EU868",
                ResetPin = 22,
                Dio0Pin = 25,
                Simulation = new { Version = version, NodeInterval = "00:00:00.2", CrcErrorEvery = crcErrorEvery },
            },
            Nodes = new object[] { new { Id = "plot-7", Address = 7, Decoder = "cayenne-lpp", BatteryQuantity = "voltage_3" } },
        };
        var kitFile = KitFiles.Write(_folder.Path, "kit.json", JsonSerializer.Serialize(kit));
        return GatewayProcess.Start(kitFile, _folder.File("gw.db"));
    }

    private static async Task<JsonElement> RadioAsync(GatewayProcess gateway) =>
        (await gateway.StatusAsync())!.Value.GetProperty("radio");

    private static async Task<JsonElement> NodeAsync(GatewayProcess gateway, string id) =>
        (await gateway.StatusAsync())!.Value.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == id);

    public void Dispose() => _folder.Dispose();
}
