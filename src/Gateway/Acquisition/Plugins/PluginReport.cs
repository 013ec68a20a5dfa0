namespace SmartVillage.Gateway.Acquisition.Plugins;

/// <summary>
/// Says at start which plugins were loaded and, at error level, every problem with them: a broken plugin the kit does
/// not use lets the gateway run, so the log and <c>/api/status</c> are where it must not go unnoticed.
/// </summary>
internal sealed partial class PluginReport(PluginCatalog catalog, ILogger<PluginReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (catalog.Folder is null)
        {
            return Task.CompletedTask;
        }

        LogFolder(logger, catalog.Folder, catalog.Plugins.Count);
        foreach (var plugin in catalog.Plugins)
        {
            if (plugin.Types.Count > 0)
            {
                LogLoaded(logger, plugin.Name, plugin.Path, plugin.Types);
            }

            foreach (var problem in plugin.Problems)
            {
                LogProblem(logger, plugin.Name, problem);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugins folder {Folder}: {Count} plugin(s) found")]
    private static partial void LogFolder(ILogger logger, string folder, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin} loaded from {Path}: sensor types {Types}")]
    private static partial void LogLoaded(ILogger logger, string plugin, string path, IReadOnlyList<string> types);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {Plugin}: {Problem}")]
    private static partial void LogProblem(ILogger logger, string plugin, string problem);
}
