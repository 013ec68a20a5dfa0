using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Dashboard.Admin;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Upstream;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// The farmer's dashboard: the page at <c>/</c>, its assets under <c>/assets/</c>, and the JSON, SSE and CSV it reads.
/// Everything is read-only; nothing here changes state.
/// </summary>
public static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.Services;
        var options = Options(app.Configuration);
        var connections = services.GetRequiredService<SqliteConnections>();
        var time = services.GetRequiredService<TimeProvider>();
        var snapshots = new NowSnapshotBuilder(
            services.GetRequiredService<StoreState>(),
            services.GetRequiredService<KitOptions>(),
            services.GetRequiredService<ReadingWriter>(),
            services.GetRequiredService<ReadingLog>(),
            new LatestReadingsQuery(connections),
            new StorageOutlook(connections, time),
            services.GetRequiredService<AcquisitionService>(),
            services.GetRequiredService<UpstreamService>(),
            services.GetRequiredService<NodeRegistry>(),
            options,
            time);
        var assets = DashboardAssets.Load();
        var series = new SeriesQuery(connections);
        var thresholds = options.EffectiveThresholds();

        app.UseDashboardSecurityHeaders();
        app.MapGet("/", (HttpContext context) => assets.ServeAsync(context, "index.html"));
        app.MapGet("/assets/{*path}", (HttpContext context, string path) => assets.ServeAsync(context, path));
        app.MapGet("/api/now", () => snapshots.Build());
        app.MapGet("/api/series", () => series.ReadAll());
        app.MapGet("/api/thresholds", () => thresholds);
        app.MapLiveEvents(snapshots, services.GetRequiredService<CommitSignal>(), options, time);
        app.MapHistory(new HistoryQuery(connections), thresholds, time);
        app.MapExport(new ExportQuery(connections), new CsvExport(options.ResolveTimeZone()), services.GetRequiredService<StoreState>(), time);

        var credentials = new AdminCredentials(string.IsNullOrWhiteSpace(options.AdminFile)
            ? Path.Combine(Path.GetDirectoryName(connections.FilePath) ?? ".", "admin.json")
            : Path.GetFullPath(options.AdminFile, app.Environment.ContentRootPath));
        var adminLogger = services.GetRequiredService<ILoggerFactory>().CreateLogger("SmartVillage.Gateway.Dashboard.Admin");
        if (credentials.SetupCode is { } code)
        {
            AdminEndpoints.LogSetupCode(adminLogger, code);
        }

        app.MapAdmin(credentials, services.GetRequiredService<AdminSessions>(), new LoginThrottle(time), adminLogger);
        return app;
    }

    /// <summary><c>Dashboard</c> from appsettings or the environment, then the kit file's <c>Dashboard</c> over it.</summary>
    private static DashboardOptions Options(IConfiguration configuration)
    {
        var options = configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        configuration.GetSection($"{KitOptions.Section}:{DashboardOptions.Section}").Bind(options);
        return options;
    }
}
