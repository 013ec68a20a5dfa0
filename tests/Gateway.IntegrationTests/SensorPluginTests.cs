using System.Text.Json;
using SmartVillage.Gateway.IntegrationTests.Support;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>
/// A third party's sensor type, end to end: the sample plugin is built from source, dropped into a plugins folder,
/// and the real gateway process reads it on simulated hardware next to built-in sensors.
/// </summary>
public sealed class SensorPluginTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_sample_plugin_built_from_source_is_loaded_from_the_plugins_folder_and_its_readings_are_stored()
    {
        var plugins = Directory.CreateDirectory(_folder.File("plugins")).FullName;
        await SamplePlugin.PublishAsync(Path.Combine(plugins, SamplePlugin.Name));
        // A broken plugin beside it is listed with its problem and stops nothing.
        var broken = Path.Combine(Directory.CreateDirectory(Path.Combine(plugins, "Broken")).FullName, "Broken.dll");
        File.WriteAllBytes(broken, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);
        var kit = KitFiles.Write(_folder.Path, "orchard.json", """
            {
              "Name": "orchard", "Hardware": "Simulated", "Scenario": "storm",
              "Sensors": [
                { "Id": "weather", "Type": "bme280", "Bus": 1, "Address": "0x76", "Interval": "00:00:00.2" },
                { "Id": "bed-1-moisture", "Type": "ads1115-soil-moisture", "Bus": 1, "Address": "0x48", "Interval": "00:00:00.2",
                  "Settings": { "Channel": "0", "AirVolts": "2.45", "WaterVolts": "1.10" } },
                { "Id": "leaves", "Type": "ads1115-leaf-wetness", "Bus": 1, "Address": "0x48", "Interval": "00:00:00.2",
                  "Settings": { "Channel": "2", "DryVolts": "3.20", "WetVolts": "1.00", "leaf-wetness.Max": "100" } }
              ]
            }
            """);
        var database = _folder.File("readings.db");
        await using var gateway = GatewayProcess.Start(kit, database, new Dictionary<string, string> { ["Gateway__PluginsFolder"] = plugins });

        await Eventually.HoldsAsync(() => StoredReadings.Of(database, "leaves").Count >= 5 || gateway.HasExited,
            "the plugin's sensor had five readings stored", TimeSpan.FromMinutes(2));

        Assert.False(gateway.HasExited, gateway.Output);
        Assert.All(StoredReadings.Of(database, "leaves"), reading =>
        {
            Assert.Equal(("leaf-wetness", "%"), (reading.Quantity, reading.Unit));
            Assert.InRange(reading.Value, 90, 100); // steady storm rain soaks the leaves
            Assert.Equal(ReadingQuality.Simulated, (ReadingQuality)reading.Quality & ~ReadingQuality.ClockUntrusted);
        });
        Assert.NotEmpty(StoredReadings.Of(database, "bed-1-moisture")); // the built-in probe on the same ADS1115

        var status = (await gateway.StatusAsync())!.Value;
        var leaves = status.GetProperty("sensors").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "leaves");
        Assert.Equal("Ok", leaves.GetProperty("health").GetString());
        var listed = status.GetProperty("plugins").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("Loaded", listed[SamplePlugin.Name].GetProperty("state").GetString());
        Assert.Equal(["ads1115-leaf-wetness"], Strings(listed[SamplePlugin.Name].GetProperty("types")));
        Assert.Equal("Failed", listed["Broken"].GetProperty("state").GetString());
        Assert.StartsWith($"{broken}: not a .NET assembly", Strings(listed["Broken"].GetProperty("problems")).Single(), StringComparison.Ordinal);
        Assert.Contains($"Plugin Broken: {broken}: not a .NET assembly", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kit_using_the_type_of_a_plugin_that_cannot_load_is_refused_naming_the_file()
    {
        var plugins = Directory.CreateDirectory(_folder.File("plugins")).FullName;
        var garbage = Path.Combine(Directory.CreateDirectory(Path.Combine(plugins, SamplePlugin.Name)).FullName, SamplePlugin.Name + ".dll");
        File.WriteAllText(garbage, "this was meant to be the leaf-wetness plugin");
        var kit = KitFiles.Write(_folder.Path, "orchard.json", """
            {
              "Name": "orchard", "Hardware": "Simulated",
              "Sensors": [ { "Id": "leaves", "Type": "ads1115-leaf-wetness", "Bus": 1, "Address": "0x48", "Settings": { "Channel": "2" } } ]
            }
            """);
        await using var gateway = GatewayProcess.Start(kit, _folder.File("readings.db"), new Dictionary<string, string> { ["Gateway__PluginsFolder"] = plugins });

        var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(2, exitCode);
        Assert.Contains("Kit:Sensors:0:Type: unknown sensor type 'ads1115-leaf-wetness'", gateway.Output, StringComparison.Ordinal);
        Assert.Contains($"plugins that failed to load: {garbage}: not a .NET assembly", gateway.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("readings.db")), "a refused configuration must not create a database");
    }

    public void Dispose() => _folder.Dispose();

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
