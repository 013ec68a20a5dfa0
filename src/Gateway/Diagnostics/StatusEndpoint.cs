using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Acquisition.LoRa;
using SmartVillage.Gateway.Acquisition.NetworkServer;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Acquisition.WifiNodes;
using SmartVillage.Gateway.Configuration;
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
            WifiBrokerStatus wifiBroker) =>
        {
            var radioCounters = radio.Counters();
            var lastSequence = writer.LastSequence;
            return new
            {
                GatewayId = store.GatewayId,
                Kit = kit.Name,
                Hardware = hardware.Name,
                StartedAt = clock.StartedAt,
                UptimeSeconds = Math.Round((time.GetUtcNow() - clock.StartedAt).TotalSeconds),
                ReadingsAccepted = writer.AcceptedSinceStart,
                LastSequence = lastSequence,
                FailedCommits = writer.FailedCommits,
                StorageAlarms = store.Alarms,
                StorageUsedBytes = writer.UsedBytes,
                DroppedForQuota = writer.DroppedForQuota,
                Sensors = acquisition.Pollers.Select(p => p.Health).Select(h => new
                {
                    Id = h.SensorId,
                    h.Type,
                    Health = h.State.ToString(),
                    h.LastSuccessAt,
                    h.LastFailureAt,
                    h.LastError,
                    h.ConsecutiveFailures,
                    h.ReadingsAccepted,
                    h.FailedReads,
                    h.ReadingsNotStored,
                    Latest = h.Latest.Select(v => new
                    {
                        v.Quantity,
                        v.Unit,
                        v.Value,
                        Quality = v.Quality == ReadingQuality.Good ? [] : v.Quality.ToString().Split(", "),
                        v.Time,
                        v.Sequence,
                    }),
                }),
                Upstreams = upstreams.Upstreams.Select(u => u.Status).Select(u => new
                {
                    u.Name,
                    u.Endpoint,
                    u.Connected,
                    u.ConnectedSince,
                    u.LastDisconnectAt,
                    u.LastError,
                    u.AckedSequence,
                    Backlog = Math.Max(0, lastSequence - u.AckedSequence),
                    u.MessagesAcknowledged,
                    u.ConnectAttempts,
                }),
                Nodes = nodes.Snapshot().Select(n => new
                {
                    n.Id,
                    n.Name,
                    n.Source,
                    n.Decoder,
                    Health = n.Health.ToString(),
                    n.LastSeen,
                    n.RssiDbm,
                    n.SnrDb,
                    n.Battery,
                    n.BatteryUnit,
                    n.LastFrameCounter,
                    n.FramesAccepted,
                    n.ReadingsStored,
                    n.Duplicates,
                    n.Replays,
                    n.Restarts,
                    n.Rejected,
                    n.LastRejection,
                    n.LastRejectionAt,
                }),
                Radio = new
                {
                    State = radio.State.ToString(),
                    radio.Error,
                    radio.FrequencyHz,
                    PacketsReceived = radioCounters.Received,
                    CrcErrors = radioCounters.CrcErrors,
                    OverflowDrops = radioCounters.OverflowDrops,
                    radio.UnknownAddressFrames,
                    radio.LastUnknownAddress,
                    radio.MalformedFrames,
                },
                NetworkServer = kit.NetworkServer is null ? null : new
                {
                    networkServer.Endpoint,
                    networkServer.Topic,
                    networkServer.Connected,
                    networkServer.LastError,
                    networkServer.UplinksReceived,
                    networkServer.UplinksRejected,
                    networkServer.LastRejection,
                },
                WifiBroker = kit.WifiBroker is not { Enabled: true } ? null : new
                {
                    wifiBroker.Listening,
                    wifiBroker.Endpoint,
                    wifiBroker.Error,
                    wifiBroker.RefusedLogins,
                    wifiBroker.LastRefusedUsername,
                    wifiBroker.LastRefusedFrom,
                    wifiBroker.MessagesReceived,
                },
            };
        });
        return endpoints;
    }
}
