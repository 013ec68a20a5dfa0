using SmartVillage.Gateway.Acquisition.Nodes;

namespace SmartVillage.Gateway.Diagnostics;

// The shape of GET /api/status. Named types (not anonymous ones) so that its JSON is generated at compile time
// (Hosting/GatewayJson) and the Native AOT build serves the same document as the JIT build.

public sealed record StatusReport(
    string GatewayId,
    string Kit,
    string Hardware,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    long ReadingsAccepted,
    long LastSequence,
    long FailedCommits,
    IReadOnlyList<string> StorageAlarms,
    long StorageUsedBytes,
    long DroppedForQuota,
    IReadOnlyList<SensorStatus> Sensors,
    string? PluginsFolder,
    IReadOnlyList<PluginStatus> Plugins,
    IReadOnlyList<UpstreamReport> Upstreams,
    IReadOnlyList<NodeSnapshot> Nodes,
    RadioReport Radio,
    NetworkServerReport? NetworkServer,
    WifiBrokerReport? WifiBroker);

public sealed record SensorStatus(
    string Id,
    string Type,
    string Health,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastFailureAt,
    string? LastError,
    int ConsecutiveFailures,
    long ReadingsAccepted,
    long FailedReads,
    long ReadingsNotStored,
    IReadOnlyList<LatestValueReport> Latest);

public sealed record LatestValueReport(string Quantity, string Unit, double Value, IReadOnlyList<string> Quality, DateTimeOffset Time, long Sequence);

/// <summary>A sensor plugin assembly found in the plugins folder: <c>Loaded</c>, <c>PartlyLoaded</c> or <c>Failed</c>.</summary>
public sealed record PluginStatus(string Name, string Path, string State, IReadOnlyList<string> Types, IReadOnlyList<string> Problems);

public sealed record UpstreamReport(
    string Name,
    string Endpoint,
    bool Connected,
    DateTimeOffset? ConnectedSince,
    DateTimeOffset? LastDisconnectAt,
    string? LastError,
    string DrainOrder,
    long AckedSequence,
    IReadOnlyList<SpanReport> AcknowledgedAbove,
    long Backlog,
    long MessagesAcknowledged,
    long ConnectAttempts);

public sealed record RadioReport(
    string State,
    string? Error,
    long? FrequencyHz,
    long PacketsReceived,
    long CrcErrors,
    long OverflowDrops,
    long UnknownAddressFrames,
    int? LastUnknownAddress,
    long MalformedFrames);

public sealed record NetworkServerReport(
    string? Endpoint,
    string? Topic,
    bool Connected,
    string? LastError,
    long UplinksReceived,
    long UplinksRejected,
    string? LastRejection);

public sealed record WifiBrokerReport(
    bool Listening,
    string? Endpoint,
    string? Error,
    long RefusedLogins,
    string? LastRefusedUsername,
    string? LastRefusedFrom,
    long MessagesReceived);

/// <summary>Sequence numbers <c>First</c> to <c>Last</c>, both included.</summary>
public sealed record SpanReport(long First, long Last);
