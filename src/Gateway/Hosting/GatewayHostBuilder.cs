using Microsoft.Extensions.Options;
using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Acquisition.LoRa;
using SmartVillage.Gateway.Acquisition.NetworkServer;
using SmartVillage.Gateway.Acquisition.Plugins;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Acquisition.WifiNodes;
using SmartVillage.Gateway.Calibration;
using SmartVillage.Gateway.Calibration.Api;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Configuration.Overlay;
using SmartVillage.Gateway.Dashboard;
using SmartVillage.Gateway.Dashboard.Admin;
using SmartVillage.Gateway.Diagnostics;
using SmartVillage.Gateway.Hardware;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Upstream;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Hosting;

/// <summary>Wires the pipeline in data-flow order: kit (with the sensor types plugins add), hardware, store, acquisition (wired, then wireless nodes), upstreams, status.</summary>
public static class GatewayHostBuilder
{
    /// <exception cref="KitConfigurationException">The configuration cannot run.</exception>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        time ??= TimeProvider.System;
        var kitPath = KitFileSource.Add(builder.Configuration, builder.Environment.ContentRootPath);
        // The admin's changes from the dashboard, over the kit file: bound below like any other configuration.
        var overlay = SettingsOverlaySource.Add(builder.Configuration, builder.Environment.ContentRootPath);

        // State that must survive a restart (rain totals, calibrations) lives beside the reading database, where the
        // service may write (the program folder is read-only under systemd).
        var dataFolder = DataFolder(builder);
        var calibrationFiles = new CalibrationFiles(dataFolder);
        var builtIns = BuiltInSensors.For(dataFolder, time, calibrationFiles);
        var plugins = PluginLoader.LoadConfigured(builder.Configuration, builder.Environment.ContentRootPath, builtIns.Select(f => f.Type));
        var registry = new SensorRegistry(builtIns, plugins);
        var (gateway, kit) = KitLoader.Load(builder.Configuration, kitPath, registry);
        var hardware = HardwareSelector.Select(kit, kitPath, time, registry);
        var (calibratable, calibrationOptions) = CalibrationSetup.Load(builder.Configuration, kit, registry, kitPath);

        builder.AddDashboardHttps();

        var services = builder.Services;
        services.AddSystemd();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayHttpJson.Default));
        services.AddSingleton(overlay);
        services.AddSingleton<LiveDashboardSettings>();
        services.AddSingleton(time);
        services.AddSingleton(gateway);
        services.AddSingleton(kit);
        services.AddSingleton(registry);
        services.AddSingleton(plugins);
        services.AddHostedService<PluginReport>();
        services.AddSingleton(hardware);
        services.AddSingleton(new ProcessClock(time));
        services.AddSingleton(BootIdentity.FromKernel());
        services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        services.Configure<AcquisitionOptions>(builder.Configuration.GetSection(AcquisitionOptions.Section));

        // Store first: it is opened (and migrated) before anything produces or forwards a reading.
        services.AddSingleton<SqliteConnections>();
        services.AddSingleton(sp => StoreOpener.Open(
            sp.GetRequiredService<SqliteConnections>(), gateway.Id, sp.GetRequiredService<BootIdentity>(), time));
        services.AddSingleton<CommitSignal>();
        services.AddSingleton(new UpstreamRoster(kit.Upstreams.Select(u => u.Name).ToList()));
        services.AddSingleton(sp =>
        {
            var acquisition = sp.GetRequiredService<IOptions<AcquisitionOptions>>().Value;
            return new ClockTrust(acquisition.ClockTrustedAfter, acquisition.RequireNtpSync ? ClockTrust.TimesyncFlagFile : null);
        });
        services.AddHostedService<ClockWatcher>();
        services.AddSingleton<ReadingLog>();
        services.AddSingleton<ReadingWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadingWriter>());
        services.AddSingleton<LiveSamples>();
        services.AddSingleton<SensorsUnderCalibration>();
        services.AddSingleton<AcquisitionService>();
        services.AddHostedService(sp => sp.GetRequiredService<AcquisitionService>());
        // Wireless nodes: one registry and one way into the store, then each ingestion path. Each path runs on its
        // own and reports its own health: a missing radio or an unreachable network server stops nothing else.
        services.AddSingleton(new NodeRegistry(kit.Nodes, time));
        services.AddSingleton<NodeIngestor>();
        services.AddHostedService<NodeSilenceWatch>();
        services.AddSingleton<RadioStatus>();
        services.AddSingleton<LoRaRadioService>();
        services.AddHostedService(sp => sp.GetRequiredService<LoRaRadioService>());
        services.AddHostedService<SimulatedFieldNodeService>();
        services.AddSingleton<NetworkServerStatus>();
        services.AddHostedService<NetworkServerService>();
        services.AddSingleton<WifiBrokerStatus>();
        services.AddHostedService<WifiBrokerService>();
        services.AddSingleton<UpstreamService>();
        services.AddHostedService(sp => sp.GetRequiredService<UpstreamService>());
        // Calibration sessions follow the sensors' live readings and store into the sensors' own calibration files.
        services.AddSingleton(calibrationFiles);
        services.AddSingleton(calibratable);
        services.AddSingleton(Options.Create(calibrationOptions));
        services.AddSingleton<CalibrationSessions>();
        services.AddSingleton<AdminSessions>();
        return builder;
    }

    /// <summary>The folder of the reading database (<c>Storage:Path</c>, relative to the content root).</summary>
    private static string DataFolder(WebApplicationBuilder builder)
    {
        var path = builder.Configuration.GetSection(StorageOptions.Section)[nameof(StorageOptions.Path)] ?? new StorageOptions().Path;
        return Path.GetDirectoryName(SqliteConnections.ResolvePath(path, builder.Environment.ContentRootPath)) ?? builder.Environment.ContentRootPath;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseDashboardHttps();
        app.MapStatus();
        app.MapDashboard();
        app.MapCalibration();
        app.MapSimulation();
        return app;
    }

    /// <summary>
    /// A background service that died stops the host, but the process would still exit 0 and systemd's
    /// Restart=on-failure would not restart it. Call before running; read <see cref="CrashWatch.ExitCode"/> after.
    /// </summary>
    public static CrashWatch WatchForCrashes(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new CrashWatch(app.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList());
    }
}
