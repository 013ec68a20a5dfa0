namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// The time range and bucket of a history chart: day (15 min buckets, from the readings), week (1 h) and month (6 h),
/// both from the hourly rollups. Buckets are aligned to whole bucket lengths since 1970, so a chart does not shift as
/// time passes within a bucket and week and month buckets are whole, aligned hours.
/// </summary>
public sealed record HistoryWindow(string Range, DateTimeOffset From, DateTimeOffset To, TimeSpan Bucket)
{
    /// <returns>The window ending with the bucket <paramref name="now"/> is in, or null for an unknown range.</returns>
    public static HistoryWindow? For(string range, DateTimeOffset now)
    {
        (TimeSpan Span, TimeSpan Bucket)? shape = range switch
        {
            "day" => (TimeSpan.FromDays(1), TimeSpan.FromMinutes(15)),
            "week" => (TimeSpan.FromDays(7), TimeSpan.FromHours(1)),
            "month" => (TimeSpan.FromDays(30), TimeSpan.FromHours(6)),
            _ => null,
        };
        if (shape is not { } s)
        {
            return null;
        }

        var bucketMs = (long)s.Bucket.TotalMilliseconds;
        var to = DateTimeOffset.FromUnixTimeMilliseconds(((now.ToUnixTimeMilliseconds() / bucketMs) + 1) * bucketMs);
        return new HistoryWindow(range, to - s.Span, to, s.Bucket);
    }
}
