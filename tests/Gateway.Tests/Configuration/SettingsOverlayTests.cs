using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Configuration.Overlay;
using SmartVillage.Gateway.Dashboard;
using SmartVillage.Gateway.Tests.Support;

namespace SmartVillage.Gateway.Tests.Configuration;

/// <summary>The settings overlay as a configuration layer: over the kit file, under the environment.</summary>
public sealed class SettingsOverlayTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void An_overlay_entry_lands_on_the_sensor_it_names_whatever_its_place_in_the_kit()
    {
        WriteOverlay("""{ "Sensors": { "soil": { "Interval": "00:01:00", "Enabled": false } } }""");

        var configuration = Configuration();

        Assert.Equal(("00:00:05", null), (configuration["Kit:Sensors:0:Interval"], configuration["Kit:Sensors:0:Enabled"]));
        Assert.Equal(("00:01:00", "false"), (configuration["Kit:Sensors:1:Interval"], configuration["Kit:Sensors:1:Enabled"]));
    }

    [Fact]
    public void The_overlay_wins_over_the_kit_file_and_the_environment_wins_over_the_overlay()
    {
        WriteOverlay("""{ "Name": "Plot 3, upper field", "Sensors": { "weather": { "Interval": "00:00:30" } } }""");

        var configuration = Configuration(environment: new() { ["Kit:Sensors:0:Interval"] = "00:00:02" });

        Assert.Equal(("Plot 3, upper field", "00:00:02"), (configuration["Kit:Name"], configuration["Kit:Sensors:0:Interval"]));
    }

    [Fact]
    public void A_limit_removed_on_the_admin_page_hides_the_one_the_kit_file_sets_and_keeps_its_advice()
    {
        WriteOverlay("""{ "Thresholds": { "temperature": { "ActBelow": -2, "WatchAbove": 30 } } }""");
        var configuration = Configuration(kit: new() { ["Kit:Dashboard:Thresholds:temperature:ActAbove"] = "40", ["Kit:Dashboard:Thresholds:temperature:HighReason"] = "reason.heat" });

        var threshold = DashboardOptions.Bind(configuration).EffectiveThresholds()["temperature"];

        Assert.Equal((-2.0, null, 30.0, null), (threshold.ActBelow, threshold.WatchBelow, threshold.WatchAbove, threshold.ActAbove));
        Assert.Equal(TileState.Watch, threshold.Evaluate(45, out var reason));
        Assert.Equal("reason.heat", reason);
    }

    [Fact]
    public void Limits_on_a_quantity_with_a_built_in_default_keep_its_advice_and_kind()
    {
        WriteOverlay("""{ "Thresholds": { "ph": { "WatchBelow": 6.8 } } }""");

        var threshold = DashboardOptions.Bind(Configuration()).EffectiveThresholds()["ph"];

        Assert.Equal((TileState.Watch, "operational", "who.ph"), (threshold.Evaluate(6.7, out _), threshold.Kind, threshold.Context));
        Assert.Equal(TileState.Good, threshold.Evaluate(9.5, out _));
    }

    [Fact]
    public void A_reload_makes_a_saved_overlay_visible_and_signals_readers()
    {
        var configuration = Configuration(out var overlay);
        var signalled = false;
        using var subscription = Microsoft.Extensions.Primitives.ChangeToken.OnChange(((IConfiguration)configuration).GetReloadToken, () => signalled = true);

        overlay.File.Write(new SettingsOverlay { OpenViewing = false });
        overlay.Reload();

        Assert.Equal(("false", true), (configuration["Kit:Dashboard:OpenViewing"], signalled));
        Assert.False(DashboardOptions.Bind(configuration).OpenViewing);
    }

    [Fact]
    public void A_misspelt_key_in_a_hand_edited_overlay_stops_the_start_naming_it_and_the_file()
    {
        WriteOverlay("""{ "Sensors": { "weather": { "Intervall": "00:01:00" } } }""");

        var refused = Assert.Throws<KitConfigurationException>(() => Configuration());

        Assert.Contains("Intervall", refused.Message, StringComparison.Ordinal);
        Assert.Contains(_folder.File(SettingsOverlaySource.FileName), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Impossible_values_in_a_hand_edited_overlay_stop_the_start_naming_them()
    {
        WriteOverlay("""{ "Sensors": { "weather": { "Interval": "00:00:00.01" } }, "Thresholds": { "ph": { "WatchBelow": 9, "WatchAbove": 8 } } }""");

        var refused = Assert.Throws<KitConfigurationException>(() => Configuration());

        Assert.Contains("Sensors:weather:Interval", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Thresholds:ph: watchAbove (8) must be above watchBelow (9)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_overlay_is_written_whole_readable_only_by_its_owner_and_leaves_no_temporary_file()
    {
        var file = new SettingsOverlayFile(_folder.File("sub/settings-overlay.json"));
        Directory.CreateDirectory(_folder.File("sub"));
        File.WriteAllText(file.Path + ".tmp", "a temporary file left by a power cut, world-readable");

        file.Write(new SettingsOverlay { Name = "Kijiji cha Mwanga" });
        file.Write(new SettingsOverlay { Name = "Kijiji cha Mwanga", OpenViewing = true });

        Assert.Equal(("Kijiji cha Mwanga", true), (file.Read().Name, file.Read().OpenViewing));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        Assert.Equal([file.Path], Directory.GetFiles(Path.GetDirectoryName(file.Path)!));
        Assert.Contains("\"Kijiji cha Mwanga\"", File.ReadAllText(file.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void No_overlay_file_changes_nothing()
    {
        var configuration = Configuration();

        Assert.Equal(("soil kit", "00:00:05"), (configuration["Kit:Name"], configuration["Kit:Sensors:0:Interval"]));
        Assert.False(File.Exists(_folder.File(SettingsOverlaySource.FileName)));
    }

    private void WriteOverlay(string json) => File.WriteAllText(_folder.File(SettingsOverlaySource.FileName), json);

    private ConfigurationManager Configuration(Dictionary<string, string?>? kit = null, Dictionary<string, string?>? environment = null) =>
        Configuration(out _, kit, environment);

    /// <summary>Configuration built as the gateway builds it: appsettings, the kit file, the overlay, the environment.</summary>
    private ConfigurationManager Configuration(out SettingsOverlaySource overlay, Dictionary<string, string?>? kit = null, Dictionary<string, string?>? environment = null)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = _folder.File("readings.db") });
        var kitData = new Dictionary<string, string?>
        {
            ["Kit:Name"] = "soil kit",
            ["Kit:Sensors:0:Id"] = "weather",
            ["Kit:Sensors:0:Interval"] = "00:00:05",
            ["Kit:Sensors:1:Id"] = "soil",
            ["Kit:Sensors:1:Interval"] = "00:00:10",
        };
        foreach (var (key, value) in kit ?? [])
        {
            kitData[key] = value;
        }

        ((IConfigurationBuilder)configuration).Add(new MemoryConfigurationSource { InitialData = kitData });
        // The environment as the host adds it; the overlay goes in just below it. The test's own "environment"
        // values are laid on top, as the command line would be.
        configuration.AddEnvironmentVariables();
        overlay = SettingsOverlaySource.Add(configuration, _folder.Path);
        configuration.AddInMemoryCollection(environment ?? []);
        return configuration;
    }

    public void Dispose() => _folder.Dispose();
}
