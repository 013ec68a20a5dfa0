namespace SmartVillage.Gateway.Storage;

/// <summary>
/// One time bucket of one series: the bucket's start, how many usable readings it holds, their min, mean and max, and
/// how many of them carry a warning flag (rate of change, stuck, uncalibrated, calibration due, clock not trusted).
/// </summary>
public sealed record HistoryBucket(DateTimeOffset Start, int Count, double Min, double Mean, double Max, int Flagged = 0);
