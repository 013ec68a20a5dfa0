using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// <c>GET /api/history?sensor=&amp;quantity=&amp;range=day|week|month</c>: min / mean / max per bucket (15 min, 1 h,
/// 6 h: 96, 168 and about 120 points), aggregated by SQLite, with the thresholds in force now to draw.
/// </summary>
public static class HistoryEndpoint
{
    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder endpoints, HistoryQuery history, LiveDashboardSettings settings, TimeProvider time)
    {
        endpoints.MapGet("/api/history", (string? sensor, string? quantity, string? range) =>
        {
            if (string.IsNullOrWhiteSpace(sensor) || string.IsNullOrWhiteSpace(quantity))
            {
                return Results.Problem("sensor and quantity are required, e.g. ?sensor=weather&quantity=temperature&range=day", statusCode: 400);
            }

            (TimeSpan Span, TimeSpan Bucket)? window = (range ?? "day") switch
            {
                "day" => (TimeSpan.FromDays(1), TimeSpan.FromMinutes(15)),
                "week" => (TimeSpan.FromDays(7), TimeSpan.FromHours(1)),
                "month" => (TimeSpan.FromDays(30), TimeSpan.FromHours(6)),
                _ => null,
            };
            if (window is not { } w)
            {
                return Results.Problem("range must be day, week or month", statusCode: 400);
            }

            // Buckets are aligned to whole bucket lengths so a chart does not shift as time passes within a bucket.
            var now = time.GetUtcNow();
            var bucketMs = (long)w.Bucket.TotalMilliseconds;
            var to = DateTimeOffset.FromUnixTimeMilliseconds(((now.ToUnixTimeMilliseconds() / bucketMs) + 1) * bucketMs);
            var from = to - w.Span;
            var buckets = history.Read(sensor, quantity, from, to, w.Bucket);
            return Results.Ok(new
            {
                sensor,
                quantity,
                range = range ?? "day",
                from,
                to,
                bucketSeconds = (long)w.Bucket.TotalSeconds,
                threshold = settings.Thresholds.GetValueOrDefault(quantity),
                buckets = buckets.Select(b => new { t = b.Start, n = b.Count, min = b.Min, mean = b.Mean, max = b.Max }),
            });
        });
        return endpoints;
    }
}
