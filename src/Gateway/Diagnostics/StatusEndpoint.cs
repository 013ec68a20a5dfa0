using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Acquisition.LoRa;
using SmartVillage.Gateway.Acquisition.NetworkServer;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Acquisition.Plugins;
using SmartVillage.Gateway.Acquisition.WifiNodes;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Dashboard;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Upstream;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Diagnostics;

/// <summary><c>GET /api/status</c>: what a technician needs to know at a glance, as JSON. Never includes secrets.</summary>
public static class StatusEndpoint
{
    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/status", (
            StoreState store,
            KitOptions kit,
            IHardware hardware,
            ReadingWriter writer,
            AcquisitionService acquisition,
            UpstreamService upstreams,
            ProcessClock clock,
            TimeProvider time,
            NodeRegistry nodes,
            RadioStatus radio,
            NetworkServerStatus networkServer,
            WifiBrokerStatus wifiBroker,
            PluginCatalog plugins,
            LiveDashboardSettings settings) =>
        {
            var radioCounters = radio.Counters();
            var lastSequence = writer.LastSequence;
            return new StatusReport(
                store.GatewayId,
                settings.SiteName,
                hardware.Name,
                clock.StartedAt,
                Math.Round((time.GetUtcNow() - clock.StartedAt).TotalSeconds),
                writer.AcceptedSinceStart,
                lastSequence,
                writer.FailedCommits,
                store.Alarms,
                writer.UsedBytes,
                writer.DroppedForQuota,
                [.. acquisition.Pollers.Select(p => p.Health).Select(h => new SensorStatus(
                    h.SensorId,
                    h.Type,
                    h.State.ToString(),
                    h.LastSuccessAt,
                    h.LastFailureAt,
                    h.LastError,
                    h.ConsecutiveFailures,
                    h.ReadingsAccepted,
                    h.FailedReads,
                    h.ReadingsNotStored,
                    [.. h.Latest.Select(v => new LatestValueReport(
                        v.Quantity,
                        v.Unit,
                        v.Value,
                        v.Quality == ReadingQuality.Good ? [] : v.Quality.ToString().Split(", "),
                        v.Time,
                        v.Sequence))]))],
                plugins.Folder,
                [.. plugins.Plugins.Select(p => new PluginStatus(
                    p.Name,
                    p.Path,
                    p.Failed ? "Failed" : p.Problems.Count > 0 ? "PartlyLoaded" : "Loaded",
                    p.Types,
                    p.Problems))],
                [.. upstreams.Upstreams.Select(u => u.Status).Select(u => new UpstreamReport(
                    u.Name,
                    u.Endpoint,
                    u.Connected,
                    u.ConnectedSince,
                    u.LastDisconnectAt,
                    u.LastError,
                    u.DrainOrder.ToString(),
                    u.AckedSequence,
                    // A newest-first drain (or live readings sent ahead of a backlog) acknowledges above a hole.
                    [.. u.AcknowledgedAbove.Take(20).Select(s => new SpanReport(s.First, s.Last))],
                    u.Backlog(lastSequence),
                    u.MessagesAcknowledged,
                    u.ConnectAttempts))],
                nodes.Snapshot(),
                new RadioReport(
                    radio.State.ToString(),
                    radio.Error,
                    radio.FrequencyHz,
                    radioCounters.Received,
                    radioCounters.CrcErrors,
                    radioCounters.OverflowDrops,
                    radio.UnknownAddressFrames,
                    radio.LastUnknownAddress,
                    radio.MalformedFrames),
                kit.NetworkServer is null ? null : new NetworkServerReport(
                    networkServer.Endpoint,
                    networkServer.Topic,
                    networkServer.Connected,
                    networkServer.LastError,
                    networkServer.UplinksReceived,
                    networkServer.UplinksRejected,
                    networkServer.LastRejection),
                kit.WifiBroker is not { Enabled: true } ? null : new WifiBrokerReport(
                    wifiBroker.Listening,
                    wifiBroker.Endpoint,
                    wifiBroker.Error,
                    wifiBroker.RefusedLogins,
                    wifiBroker.LastRefusedUsername,
                    wifiBroker.LastRefusedFrom,
                    wifiBroker.MessagesReceived));
        });
        return endpoints;
    }
}
