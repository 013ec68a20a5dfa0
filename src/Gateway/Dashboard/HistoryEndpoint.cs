using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// <c>GET /api/history?sensor=&amp;quantity=&amp;range=day|week|month</c>: min / mean / max per bucket (15 min, 1 h,
/// 6 h: 96, 168 and 120 points), with the thresholds to draw. The day comes from the readings; week and month from the
/// hourly rollups plus the hour in progress (see <see cref="HistoryWindow"/>).
/// </summary>
public static class HistoryEndpoint
{
    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder endpoints, HistoryQuery history, IReadOnlyDictionary<string, QuantityThreshold> thresholds, TimeProvider time)
    {
        endpoints.MapGet("/api/history", (string? sensor, string? quantity, string? range) =>
        {
            if (string.IsNullOrWhiteSpace(sensor) || string.IsNullOrWhiteSpace(quantity))
            {
                return Results.Problem("sensor and quantity are required, e.g. ?sensor=weather&quantity=temperature&range=day", statusCode: 400);
            }

            if (HistoryWindow.For(range ?? "day", time.GetUtcNow()) is not { } window)
            {
                return Results.Problem("range must be day, week or month", statusCode: 400);
            }

            var buckets = history.Read(sensor, quantity, window.From, window.To, window.Bucket);
            return Results.Ok(new
            {
                sensor,
                quantity,
                range = range ?? "day",
                from = window.From,
                to = window.To,
                bucketSeconds = (long)window.Bucket.TotalSeconds,
                threshold = thresholds.GetValueOrDefault(quantity),
                buckets = buckets.Select(b => new { t = b.Start, n = b.Count, min = b.Min, mean = b.Mean, max = b.Max, flagged = b.Flagged }),
            });
        });
        return endpoints;
    }
}
