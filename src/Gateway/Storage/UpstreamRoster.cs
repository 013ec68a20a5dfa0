namespace SmartVillage.Gateway.Storage;

/// <summary>The upstreams configured now: a reading is "delivered everywhere" once each of them acknowledged it.</summary>
public sealed record UpstreamRoster(IReadOnlyCollection<string> Names);
