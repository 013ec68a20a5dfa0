namespace SmartVillage.Gateway.Storage;

/// <summary>One time bucket of one series: the bucket's start, how many readings it holds, and their min, mean and max.</summary>
public sealed record HistoryBucket(DateTimeOffset Start, int Count, double Min, double Mean, double Max);
