using Microsoft.Extensions.Configuration;
using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Acquisition.Plugins;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Hardware;
using SmartVillage.Gateway.Tests.Support;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Acquisition.Plugins;

/// <summary>
/// The plugins folder as an operator fills it, right and wrong: every problem names the file and the fix, a broken
/// plugin never stops the gateway by itself, and a kit that needs what a broken plugin would have provided is told why.
/// </summary>
public sealed class PluginLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _plugins;

    public PluginLoaderTests() => _plugins = Directory.CreateDirectory(_folder.File("plugins")).FullName;

    [Fact]
    public void A_plugin_factory_becomes_a_sensor_type_the_kit_file_can_use()
    {
        var path = EmittedPlugin.Write(_plugins, "Orchard", new EmittedFactory("Orchard.LeafFactory", "orchard-leaf"));

        var catalog = Load();

        var plugin = Assert.Single(catalog.Plugins);
        Assert.Equal("Orchard", plugin.Name);
        Assert.Equal(path, plugin.Path);
        Assert.Equal(["orchard-leaf"], plugin.Types);
        Assert.Empty(plugin.Problems);
        Assert.Empty(Validate(catalog, Sensor("orchard-leaf")));
    }

    [Fact]
    public void A_plugin_sensor_type_gets_the_kit_files_quality_checks_like_a_built_in_one()
    {
        EmittedPlugin.Write(_plugins, "Orchard", new EmittedFactory("Orchard.LeafFactory", "orchard-leaf"));
        var sensor = Sensor("orchard-leaf");
        sensor.Settings["leaf-wetness.Max"] = "lots";

        var problems = Validate(Load(), sensor);

        Assert.Equal(["Kit:Sensors:0:Settings:leaf-wetness.Max: 'lots' is not a number; write it with a decimal point, e.g. 1.25"], problems);
    }

    [Fact]
    public void Garbage_bytes_named_like_a_plugin_are_reported_as_not_a_net_assembly_naming_the_file()
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_plugins, "Leaf")).FullName, "Leaf.dll");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37))]);

        var plugin = Assert.Single(Load().Plugins);

        Assert.True(plugin.Failed);
        Assert.StartsWith($"{path}: not a .NET assembly", Assert.Single(plugin.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_kit_using_a_type_no_plugin_provides_is_told_which_plugins_failed()
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_plugins, "Leaf")).FullName, "Leaf.dll");
        File.WriteAllText(path, "not a dll");

        var problem = Assert.Single(Validate(Load(), Sensor("leaf-wetness")));

        Assert.StartsWith("Kit:Sensors:0:Type: unknown sensor type 'leaf-wetness'; known types: ", problem, StringComparison.Ordinal);
        Assert.Contains($"plugins that failed to load: {path}: not a .NET assembly", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_cannot_take_the_name_of_a_built_in_type()
    {
        var path = EmittedPlugin.Write(_plugins, "Impostor",
            new EmittedFactory("Impostor.Bme280Factory", "BME280"), new EmittedFactory("Impostor.LeafFactory", "impostor-leaf"));

        var catalog = Load();

        var plugin = Assert.Single(catalog.Plugins);
        Assert.Equal(["impostor-leaf"], plugin.Types);
        Assert.Equal($"{path}: Impostor.Bme280Factory gives sensor type 'BME280', which is built into the gateway; " +
            "a plugin cannot replace a built-in type: give it a name of its own (e.g. 'vendor-BME280')", Assert.Single(plugin.Problems));
        Assert.Same(BuiltInSensors.All.Single(f => f.Type == "bme280"), new SensorRegistry(BuiltInSensors.All, catalog).Find("bme280"));
    }

    [Fact]
    public void Two_plugins_offering_one_type_both_lose_it_and_a_kit_using_it_is_told_why()
    {
        var first = EmittedPlugin.Write(_plugins, "AgriOne", new EmittedFactory("AgriOne.LeafFactory", "leaf-wetness"));
        var second = EmittedPlugin.Write(_plugins, "AgriTwo", new EmittedFactory("AgriTwo.LeafFactory", "Leaf-Wetness"));

        var catalog = Load();

        Assert.All(catalog.Plugins, p => Assert.True(p.Failed));
        Assert.Empty(catalog.SensorTypes);
        var problem = Assert.Single(Validate(catalog, Sensor("leaf-wetness")));
        Assert.Equal("Kit:Sensors:0:Type: sensor type 'leaf-wetness' is offered by AgriOne.LeafFactory in " + first +
            " and AgriTwo.LeafFactory in " + second + ", so neither is used; keep only one of them in the plugins folder", problem);
    }

    [Fact]
    public void A_factory_whose_constructor_throws_is_reported_with_its_exception()
    {
        var path = EmittedPlugin.Write(_plugins, "Fragile",
            new EmittedFactory("Fragile.ProbeFactory", "fragile-probe") { ConstructorThrows = "licence file /etc/fragile.lic not found" });

        var plugin = Assert.Single(Load().Plugins);

        Assert.Equal($"{path}: the constructor of Fragile.ProbeFactory failed: InvalidOperationException: licence file /etc/fragile.lic not found",
            Assert.Single(plugin.Problems));
    }

    [Fact]
    public void A_dependency_missing_from_the_plugin_folder_is_named()
    {
        var library = EmittedPlugin.LibraryType(_folder.File("elsewhere"), "Vendor.Common");
        var path = EmittedPlugin.Write(_plugins, "Vendor", new EmittedFactory("Vendor.ProbeFactory", "vendor-probe") { BaseType = library });

        var plugin = Assert.Single(Load().Plugins);

        Assert.True(plugin.Failed);
        var problem = Assert.Single(plugin.Problems);
        Assert.StartsWith($"{path}: ", problem, StringComparison.Ordinal);
        Assert.Contains("it needs Vendor.Common, Version=", problem, StringComparison.Ordinal);
        Assert.Contains("copy the plugin's whole dotnet publish output", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dependency_beside_the_plugin_is_loaded_from_its_folder()
    {
        var elsewhere = _folder.File("elsewhere");
        var library = EmittedPlugin.LibraryType(elsewhere, "Vendor.Common");
        EmittedPlugin.Write(_plugins, "Vendor", new EmittedFactory("Vendor.ProbeFactory", "vendor-probe") { BaseType = library });
        File.Copy(Path.Combine(elsewhere, "Vendor.Common.dll"), Path.Combine(_plugins, "Vendor", "Vendor.Common.dll"));

        var catalog = Load();

        var type = Assert.Single(catalog.SensorTypes);
        Assert.Equal("vendor-probe", type.Type);
        Assert.Equal(Path.Combine(_plugins, "Vendor", "Vendor.Common.dll"), type.Factory.GetType().BaseType!.Assembly.Location);
    }

    [Fact]
    public void A_plugin_built_against_a_newer_version_of_an_assembly_the_gateway_carries_is_refused_naming_both_versions()
    {
        // The gateway carries UnitsNet 5.x (the bindings need it); this plugin was built against a "UnitsNet 99".
        var newer = EmittedPlugin.LibraryType(_folder.File("elsewhere"), "UnitsNet", new Version(99, 0, 0, 0));
        var path = EmittedPlugin.Write(_plugins, "Ahead", new EmittedFactory("Ahead.ProbeFactory", "ahead-probe") { BaseType = newer });

        var plugin = Assert.Single(Load().Plugins);

        Assert.True(plugin.Failed);
        var carried = typeof(UnitsNet.Temperature).Assembly.GetName().Version;
        Assert.StartsWith($"{path}: built against UnitsNet 99.0.0.0, but this gateway carries {carried}; ", Assert.Single(plugin.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_factory_without_a_parameterless_constructor_is_reported()
    {
        var path = EmittedPlugin.Write(_plugins, "Picky", new EmittedFactory("Picky.ProbeFactory", "picky-probe") { ParameterlessConstructor = false });

        Assert.Equal($"{path}: Picky.ProbeFactory has no public parameterless constructor; the gateway creates each factory with new()",
            Assert.Single(Assert.Single(Load().Plugins).Problems));
    }

    [Fact]
    public void A_type_name_that_cannot_be_written_in_a_kit_file_is_reported()
    {
        EmittedPlugin.Write(_plugins, "Spaced", new EmittedFactory("Spaced.ProbeFactory", "leaf wetness"));

        Assert.Contains("gives sensor type 'leaf wetness'; a type name is up to 64 letters, digits",
            Assert.Single(Assert.Single(Load().Plugins).Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_without_any_sensor_factory_is_reported()
    {
        var path = EmittedPlugin.Write(_plugins, "Empty");

        Assert.StartsWith($"{path}: has no public, non-abstract class implementing SmartVillage.Plugins.Abstractions.ISensorFactory",
            Assert.Single(Assert.Single(Load().Plugins).Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dll_loose_in_the_plugins_folder_is_reported_with_where_it_belongs()
    {
        var loose = Path.Combine(_plugins, "Leaf.dll");
        File.WriteAllText(loose, "whatever");

        Assert.Equal($"{loose}: a plugin goes in a folder of its own with its dependencies: {Path.Combine(_plugins, "Leaf", "Leaf.dll")} " +
            "(the plugin's dotnet publish output)", Assert.Single(Assert.Single(Load().Plugins).Problems));
    }

    [Fact]
    public void A_plugin_folder_without_its_main_assembly_is_reported_with_what_it_holds()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_plugins, "LeafWetness")).FullName;
        File.WriteAllText(Path.Combine(folder, "leafwetness-1.2.dll"), "renamed");

        Assert.StartsWith($"{folder}: no LeafWetness.dll in this folder (it holds leafwetness-1.2.dll)",
            Assert.Single(Assert.Single(Load().Plugins).Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_check_that_throws_becomes_a_kit_problem_naming_the_plugin()
    {
        var path = EmittedPlugin.Write(_plugins, "Careless",
            new EmittedFactory("Careless.ProbeFactory", "careless-probe") { ValidateThrows = "Input string was not in a correct format." });

        var problem = Assert.Single(Validate(Load(), Sensor("careless-probe")));

        Assert.Equal($"Kit:Sensors:0:Type: the check of plugin Careless ({path}) failed with FormatException: Input string was not in a correct format.; " +
            "this is a fault in the plugin: report it to its author", problem);
    }

    [Fact]
    public void A_plugin_factory_that_builds_nothing_fails_to_open_naming_the_plugin()
    {
        var path = EmittedPlugin.Write(_plugins, "Lazy", new EmittedFactory("Lazy.ProbeFactory", "lazy-probe") { CreatesNothing = true });
        var registry = new SensorRegistry(BuiltInSensors.All, Load());

        var error = Assert.Throws<InvalidOperationException>(() =>
            registry.Find("lazy-probe")!.Create(Sensor("lazy-probe"), new SimulatedKit("clear-day", TimeProvider.System)));

        Assert.Equal($"plugin Lazy ({path}) built no sensor for type 'lazy-probe'", error.Message);
    }

    [Fact]
    public void A_simulated_kit_using_a_plugin_type_that_describes_no_device_is_refused_naming_the_plugin()
    {
        var path = EmittedPlugin.Write(_plugins, "FieldOnly", new EmittedFactory("FieldOnly.ProbeFactory", "field-probe"));
        var kit = new KitOptions { Hardware = HardwareMode.Simulated, Sensors = [Sensor("field-probe")] };

        var error = Assert.Throws<KitConfigurationException>(() =>
            HardwareSelector.Select(kit, "kit.json", TimeProvider.System, new SensorRegistry(BuiltInSensors.All, Load())));

        Assert.Equal($"Kit:Sensors:0: no simulated device for sensor type 'field-probe': plugin FieldOnly ({path}) describes none; " +
            "run this kit on real hardware (Hardware: RaspberryPi) or add ISimulatedSensorFactory to the plugin", Assert.Single(error.Problems));
    }

    [Fact]
    public void No_configured_plugins_folder_loads_nothing()
    {
        var catalog = PluginLoader.LoadConfigured(Configuration(null), _folder.Path, BuiltInTypes);

        Assert.Same(PluginCatalog.None, catalog);
    }

    [Fact]
    public void A_relative_plugins_folder_is_taken_from_the_content_root()
    {
        EmittedPlugin.Write(_plugins, "Orchard", new EmittedFactory("Orchard.LeafFactory", "orchard-leaf"));

        var catalog = PluginLoader.LoadConfigured(Configuration("plugins"), _folder.Path, BuiltInTypes);

        Assert.Equal(_plugins, catalog.Folder);
        Assert.Equal("orchard-leaf", Assert.Single(catalog.SensorTypes).Type);
    }

    [Fact]
    public void A_configured_plugins_folder_that_does_not_exist_refuses_the_configuration()
    {
        var error = Assert.Throws<KitConfigurationException>(() =>
            PluginLoader.LoadConfigured(Configuration("no-such-folder"), _folder.Path, BuiltInTypes));

        Assert.StartsWith($"Gateway:PluginsFolder: 'no-such-folder' does not exist (looked at {_folder.File("no-such-folder")})",
            Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static IEnumerable<string> BuiltInTypes => BuiltInSensors.All.Select(f => f.Type);

    private PluginCatalog Load() => PluginLoader.Load(_plugins, BuiltInTypes);

    private static IReadOnlyList<string> Validate(PluginCatalog catalog, SensorDefinition sensor) =>
        KitValidator.Validate(new GatewayOptions(), new KitOptions { Sensors = [sensor] }, new SensorRegistry(BuiltInSensors.All, catalog));

    private static SensorDefinition Sensor(string type) => new() { Id = "leaves", Type = type };

    private static IConfiguration Configuration(string? pluginsFolder) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:PluginsFolder"] = pluginsFolder }).Build();
}
