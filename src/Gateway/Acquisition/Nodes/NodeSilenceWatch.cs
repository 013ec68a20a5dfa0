namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>
/// Logs when a node falls silent (nothing for twice its report interval) and when it is heard again, so the journal
/// tells a technician which field node to visit, and since when. Health itself is computed on demand by the registry;
/// this only watches for changes.
/// </summary>
public sealed partial class NodeSilenceWatch(NodeRegistry registry, TimeProvider time, ILogger<NodeSilenceWatch> logger) : BackgroundService
{
    /// <summary>How often health is looked at. Silence is measured in report intervals (minutes), so this is plenty.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, NodeHealthState> _last = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Check();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    /// <summary>Compares each node's health with the last look and logs the changes.</summary>
    public void Check()
    {
        foreach (var node in registry.Snapshot())
        {
            var before = _last.GetValueOrDefault(node.Id, NodeHealthState.NeverSeen);
            _last[node.Id] = node.Health;
            if (node.Health == NodeHealthState.Silent && before != NodeHealthState.Silent)
            {
                LogSilent(logger, node.Id, node.Name, node.LastSeen, node.Battery);
            }
            else if (node.Health == NodeHealthState.Ok && before == NodeHealthState.Silent)
            {
                LogHeardAgain(logger, node.Id, node.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeId} ({Name}) is silent: last heard {LastSeen}, battery then {Battery}; check its battery and antenna")]
    private static partial void LogSilent(ILogger logger, string nodeId, string name, DateTimeOffset? lastSeen, double? battery);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeId} ({Name}) is heard again")]
    private static partial void LogHeardAgain(ILogger logger, string nodeId, string name);
}
