namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>One resolved SenML record as a consumer sees it.</summary>
public sealed record SenmlRecord(long Sequence, string Name, string Unit, double Value, long TimeMilliseconds, int Quality);
