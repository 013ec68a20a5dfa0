using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Upstream;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// Builds the "now" view: live values from the sensors' pollers over the last stored value of every other series
/// (so tiles show the last known value after a restart, marked with its age), thresholds applied, health summed up.
/// </summary>
public sealed class NowSnapshotBuilder(
    StoreState store,
    LiveDashboardSettings settings,
    ReadingWriter writer,
    ReadingLog log,
    LatestReadingsQuery latest,
    StorageOutlook outlook,
    AcquisitionService acquisition,
    UpstreamService upstreams,
    NodeRegistry nodes,
    TimeProvider time)
{
    private static readonly TimeSpan StoredRefresh = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private IReadOnlyList<StoredReading> _stored = [];
    private DateTimeOffset _storedAt = DateTimeOffset.MinValue;
    private double? _daysLeft;
    private DateTimeOffset _daysLeftAt = DateTimeOffset.MinValue;

    public NowSnapshot Build()
    {
        var lastSequence = writer.LastSequence;
        // Read once per snapshot: an admin's change applies to every tile of the next snapshot, never to half of one.
        var thresholds = settings.Thresholds;
        var tiles = new Dictionary<(string, string), Tile>();
        foreach (var reading in Stored(lastSequence))
        {
            tiles[(reading.SensorId, reading.Quantity)] = ToTile(thresholds, reading.SensorId, reading.Quantity, reading.Unit, reading.Value, reading.Quality, reading.Time, reading.Sequence, live: false);
        }

        foreach (var health in acquisition.Pollers.Select(p => p.Health))
        {
            foreach (var value in health.Latest)
            {
                tiles[(health.SensorId, value.Quantity)] = ToTile(thresholds, health.SensorId, value.Quantity, value.Unit, value.Value, value.Quality, value.Time, value.Sequence, live: true);
            }
        }

        return new NowSnapshot(
            store.GatewayId,
            settings.SiteName,
            time.GetUtcNow(),
            lastSequence,
            [.. tiles.Values.OrderBy(t => t.Water).ThenBy(t => t.Sensor, StringComparer.Ordinal).ThenBy(t => t.Quantity, StringComparer.Ordinal)],
            Health(lastSequence));
    }

    private GatewayHealth Health(long lastSequence)
    {
        var uplinks = upstreams.Upstreams.Select(u => u.Status)
            .Select(s => new UplinkHealth(s.Name, s.Connected, s.Backlog(lastSequence), s.LastDisconnectAt))
            .ToList();
        DateTimeOffset? oldestUnsent = null;
        if (uplinks.Count > 0 && uplinks.Max(u => u.Waiting) > 0)
        {
            var lowestAcked = upstreams.Upstreams.Min(u => u.Status.AckedSequence);
            oldestUnsent = log.ReadAfter(lowestAcked, 1) is [var first, ..] ? first.Time : null;
        }

        var problems = acquisition.Pollers.Select(p => p.Health)
            .Where(h => h.State == SensorHealthState.Failing)
            .Select(h => new SensorProblem(h.SensorId, h.LastError, h.LastSuccessAt, h.ConsecutiveFailures))
            .ToList();
        var nodeStates = nodes.Snapshot();
        return new GatewayHealth(
            uplinks.Count > 0,
            uplinks.Any(u => u.Connected),
            uplinks.Count > 0 ? uplinks.Max(u => u.Waiting) : 0,
            oldestUnsent,
            uplinks,
            problems,
            DaysLeft(),
            nodeStates.Count,
            [.. nodeStates.Where(n => n.Health != NodeHealthState.Ok).Select(n => new QuietNode(n.Id, n.Name, n.LastSeen))]);
    }

    private double? DaysLeft()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _daysLeftAt >= StoredRefresh)
            {
                _daysLeft = outlook.DaysLeft();
                _daysLeftAt = now;
            }

            return _daysLeft;
        }
    }

    private IReadOnlyList<StoredReading> Stored(long lastSequence)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _storedAt >= StoredRefresh)
            {
                _stored = latest.Read(lastSequence, settings.Options.LatestLookback);
                _storedAt = now;
            }

            return _stored;
        }
    }

    private static Tile ToTile(IReadOnlyDictionary<string, QuantityThreshold> thresholds, string sensor, string quantity, string unit, double value, ReadingQuality quality, DateTimeOffset at, long sequence, bool live)
    {
        var threshold = thresholds.GetValueOrDefault(quantity);
        var state = TileState.Unknown;
        string? reason = null;
        var usable = (quality & (ReadingQuality.OutOfRange | ReadingQuality.SensorError | ReadingQuality.Calibrating)) == 0;
        if (threshold is not null && usable)
        {
            state = threshold.Evaluate(value, out reason);
        }

        return new Tile(
            sensor,
            quantity,
            unit,
            value,
            quality == ReadingQuality.Good ? [] : CsvExport.Flags(quality).Split('|'),
            at,
            sequence,
            state.ToString().ToLowerInvariant(),
            reason,
            threshold?.Kind ?? "crop",
            threshold?.Context,
            DefaultThresholds.WaterQuantities.Contains(quantity),
            live);
    }
}
