namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>A consistent copy of one node's state, for status and tests.</summary>
public sealed record NodeSnapshot(
    string Id,
    string Name,
    string Source,
    string? Decoder,
    NodeHealthState Health,
    DateTimeOffset? LastSeen,
    double? RssiDbm,
    double? SnrDb,
    double? Battery,
    string? BatteryUnit,
    long? LastFrameCounter,
    long FramesAccepted,
    long ReadingsStored,
    long Duplicates,
    long Replays,
    long Restarts,
    long Rejected,
    string? LastRejection,
    DateTimeOffset? LastRejectionAt);
