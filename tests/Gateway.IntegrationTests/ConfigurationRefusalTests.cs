using SmartVillage.Gateway.IntegrationTests.Support;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>A broken kit file stops the gateway at start with a non-zero exit code and a message naming the key.</summary>
public sealed class ConfigurationRefusalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task An_invalid_kit_is_refused_with_every_wrong_key_named()
    {
        var kit = KitFiles.Write(_folder.Path, "bad.json", """
            {
              "Name": "bad kit",
              "Hardware": "Simulated",
              "Sensors": [
                { "Id": "mystery", "Type": "flux-capacitor", "Interval": "00:00:05" },
                { "Id": "weather", "Type": "bme280", "Bus": 1, "Address": "0x99" }
              ],
              "Upstreams": [ { "Name": "coop" } ]
            }
            """);
        await using var gateway = GatewayProcess.Start(kit, _folder.File("readings.db"));

        var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("Kit:Sensors:0:Type: unknown sensor type 'flux-capacitor'", gateway.Output, StringComparison.Ordinal);
        Assert.Contains("Kit:Sensors:1:Address: 0x99 is not a 7-bit I2C address", gateway.Output, StringComparison.Ordinal);
        Assert.Contains("Kit:Upstreams:0:Host: missing", gateway.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("readings.db")), "a refused configuration must not create a database");
    }

    [Fact]
    public async Task A_kit_file_that_is_not_json_is_refused_naming_the_file()
    {
        var kit = KitFiles.Write(_folder.Path, "broken.json", "{ \"Sensors\": [ { \"Id\": \"weather\", ");
        await using var gateway = GatewayProcess.Start(kit, _folder.File("readings.db"));

        var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("broken.json", gateway.Output, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_calibration_file_is_refused_naming_it_rather_than_guessing_calibrations()
    {
        var kit = KitFiles.Write(_folder.Path, "water.json", """
            {
              "Hardware": "Simulated",
              "Sensors": [ { "Id": "tank-ph", "Type": "ads1115-ph", "Bus": 1, "Address": "0x48", "Settings": { "Channel": "0" } } ]
            }
            """);
        File.WriteAllText(_folder.File("calibrations.json"), "[ { \"Id\": ");
        await using var gateway = GatewayProcess.Start(kit, _folder.File("readings.db"));

        var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains($"Calibration file '{_folder.File("calibrations.json")}' is not a list of calibration records", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_calibration_setting_that_cannot_work_is_refused_naming_the_key()
    {
        var kit = KitFiles.Write(_folder.Path, "water.json", """{ "Hardware": "Simulated", "Sensors": [] }""");
        await using var gateway = GatewayProcess.Start(kit, _folder.File("readings.db"),
            new Dictionary<string, string> { ["Calibration__StableWindow"] = "00:00:00", ["Calibration__Ph__MinSlopePercent"] = "110" });

        var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("Calibration:StableWindow: 00:00:00 must be longer than zero", gateway.Output, StringComparison.Ordinal);
        Assert.Contains("Calibration:Ph:MinSlopePercent/MaxSlopePercent: 110-105 is not a range above 0", gateway.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
