namespace SmartVillage.Gateway.Dashboard;

/// <summary>Everything the "now" view shows, sent whole on every live update (a few hundred bytes per tile).</summary>
public sealed record NowSnapshot(
    string GatewayId,
    string Kit,
    DateTimeOffset ServerTime,
    long LastSequence,
    IReadOnlyList<Tile> Tiles,
    GatewayHealth Health);

/// <summary>One sensor quantity: its last value and what it means.</summary>
public sealed record Tile(
    string Sensor,
    string Quantity,
    string Unit,
    double Value,
    IReadOnlyList<string> Quality,
    DateTimeOffset Time,
    long Sequence,
    string State,
    string? Reason,
    string Kind,
    string? Context,
    bool Water,
    bool Live);

/// <summary>The gateway's own health in the farmer's terms.</summary>
public sealed record GatewayHealth(
    bool UplinkConfigured,
    bool UplinkConnected,
    long ReadingsWaiting,
    DateTimeOffset? OldestUnsentAt,
    IReadOnlyList<UplinkHealth> Uplinks,
    IReadOnlyList<SensorProblem> SensorProblems,
    double? StorageDaysLeft,
    int NodesKnown,
    IReadOnlyList<QuietNode> QuietNodes);

public sealed record UplinkHealth(string Name, bool Connected, long Waiting, DateTimeOffset? LastDisconnectAt);

/// <summary>A field node not heard from: silent past twice its report interval, or never since the gateway started.</summary>
public sealed record QuietNode(string Id, string Name, DateTimeOffset? LastSeen);

public sealed record SensorProblem(string Sensor, string? Error, DateTimeOffset? Since, int ConsecutiveFailures);
