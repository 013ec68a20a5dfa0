using System.Text.Json.Serialization;
using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// <c>GET /api/history?sensor=&amp;quantity=&amp;range=day|week|month</c>: min / mean / max per bucket (15 min, 1 h,
/// 6 h: 96, 168 and 120 points), with the thresholds in force now to draw. The day comes from the readings; week and month from the
/// hourly rollups plus the hour in progress (see <see cref="HistoryWindow"/>).
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

            if (HistoryWindow.For(range ?? "day", time.GetUtcNow()) is not { } window)
            {
                return Results.Problem("range must be day, week or month", statusCode: 400);
            }

            var buckets = history.Read(sensor, quantity, window.From, window.To, window.Bucket);
            return Results.Ok(new HistoryReport(
                sensor,
                quantity,
                range ?? "day",
                window.From,
                window.To,
                (long)window.Bucket.TotalSeconds,
                settings.Thresholds.GetValueOrDefault(quantity),
                [.. buckets.Select(b => new HistoryPoint(b.Start, b.Count, b.Min, b.Mean, b.Max, b.Flagged))]));
        });
        return endpoints;
    }
}

/// <summary>One chart: the buckets of a sensor quantity over a range, with the thresholds to draw.</summary>
public sealed record HistoryReport(
    string Sensor,
    string Quantity,
    string Range,
    DateTimeOffset From,
    DateTimeOffset To,
    long BucketSeconds,
    QuantityThreshold? Threshold,
    IReadOnlyList<HistoryPoint> Buckets);

/// <summary>One bucket, with short names: a month chart carries a few hundred of them to a phone.</summary>
public sealed record HistoryPoint(
    [property: JsonPropertyName("t")] DateTimeOffset T,
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("min")] double Min,
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("max")] double Max,
    [property: JsonPropertyName("flagged")] int Flagged);
