using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Configuration.Overlay;
using SmartVillage.Gateway.Dashboard.Admin;
using SmartVillage.Gateway.Dashboard.Settings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Upstream;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// The farmer's dashboard: the page at <c>/</c>, its assets under <c>/assets/</c>, and the JSON, SSE and CSV it reads
/// (open on the LAN, or behind the admin login when viewing is closed). Only <c>/api/admin/</c> changes state.
/// </summary>
public static partial class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.Services;
        var live = services.GetRequiredService<LiveDashboardSettings>();
        var options = live.Options;
        var connections = services.GetRequiredService<SqliteConnections>();
        var time = services.GetRequiredService<TimeProvider>();
        // One session store for every admin surface (settings, calibration, the login itself).
        var sessions = services.GetRequiredService<AdminSessions>();
        var gate = new ViewingGate(live, sessions);
        var snapshots = new NowSnapshotBuilder(
            services.GetRequiredService<StoreState>(),
            live,
            services.GetRequiredService<ReadingWriter>(),
            services.GetRequiredService<ReadingLog>(),
            new LatestReadingsQuery(connections),
            new StorageOutlook(connections, time),
            services.GetRequiredService<AcquisitionService>(),
            services.GetRequiredService<UpstreamService>(),
            services.GetRequiredService<NodeRegistry>(),
            time);
        var assets = DashboardAssets.Load();
        var series = new SeriesQuery(connections);

        app.UseDashboardSecurityHeaders();
        gate.UseOn(app);
        app.MapGet("/", (HttpContext context) => assets.ServeAsync(context, "index.html"));
        app.MapGet("/assets/{*path}", (HttpContext context, string path) => assets.ServeAsync(context, path));
        app.MapGet("/api/now", () => snapshots.Build());
        app.MapGet("/api/series", () => series.ReadAll());
        app.MapGet("/api/thresholds", () => live.Thresholds);
        app.MapLiveEvents(snapshots, services.GetRequiredService<CommitSignal>(), live, gate, time);
        app.MapHistory(new HistoryQuery(connections), live, time);
        app.MapExport(new ExportQuery(connections), new CsvExport(options.ResolveTimeZone()), services.GetRequiredService<StoreState>(), time);

        var credentials = new AdminCredentials(string.IsNullOrWhiteSpace(options.AdminFile)
            ? Path.Combine(Path.GetDirectoryName(connections.FilePath) ?? ".", "admin.json")
            : Path.GetFullPath(options.AdminFile, app.Environment.ContentRootPath));
        var adminLogger = services.GetRequiredService<ILoggerFactory>().CreateLogger("SmartVillage.Gateway.Dashboard.Admin");
        if (credentials.SetupCode is { } code)
        {
            AdminEndpoints.LogSetupCode(adminLogger, code);
        }

        var changes = new AdminChangeLog(
            Path.Combine(Path.GetDirectoryName(connections.FilePath) ?? ".", AdminChangeLog.FileName), time, adminLogger);
        app.MapAdmin(credentials, sessions, new LoginThrottle(time), adminLogger, changes);

        var overlay = services.GetRequiredService<SettingsOverlaySource>();
        foreach (var orphan in overlay.Current.Sensors.Keys.Where(id => !overlay.SensorIndexes.ContainsKey(id)))
        {
            LogOrphanSensor(adminLogger, overlay.File.Path, orphan);
        }

        var layers = new ConfigurationLayers((IConfigurationRoot)app.Configuration, overlay);
        app.MapAdminSettings(new AdminSettings(overlay, layers, app.Configuration, live, series, changes), sessions, live);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The settings overlay {Path} names sensor '{SensorId}', which the kit file no longer has; the entry is ignored")]
    private static partial void LogOrphanSensor(ILogger logger, string path, string sensorId);
}
