using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// <c>GET /api/export.csv?from=&amp;to=&amp;sensors=a,b</c>: every reading in [from, to) of the chosen sensors (all when
/// none), streamed in sequence order and flushed every few hundred rows, so memory stays flat for a year of data.
/// <c>from</c> and <c>to</c> are ISO 8601 dates or times (UTC unless an offset is given); default: the last 7 days.
/// </summary>
public static partial class ExportEndpoint
{
    private const int RowsPerFlush = 500;

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder endpoints, ExportQuery export, CsvExport csv, StoreState store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        endpoints.MapGet("/api/export.csv", async (HttpContext context, string? from, string? to, string? sensors, ILoggerFactory loggers) =>
        {
            var now = time.GetUtcNow();
            if (!TryParse(to, now, out var end) || !TryParse(from, end.AddDays(-7), out var start) || start >= end)
            {
                await Results.Problem("from and to must be ISO 8601 dates or times with from before to, e.g. ?from=2026-05-01&to=2026-06-01", statusCode: 400).ExecuteAsync(context);
                return;
            }

            var chosen = (sensors ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var response = context.Response;
            response.ContentType = "text/csv; charset=utf-8";
            response.Headers.ContentDisposition =
                $"attachment; filename=\"{store.GatewayId}-{start:yyyyMMdd}-{end:yyyyMMdd}.csv\"";
            response.Headers.CacheControl = "no-store";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            var token = context.RequestAborted;
            var rows = 0L;
            try
            {
                await response.Body.WriteAsync(CsvExport.Encoding.GetPreamble(), token);
                var buffer = new StringBuilder(CsvExport.Header).Append("\r\n");
                foreach (var reading in export.Read(start, end, chosen, token))
                {
                    buffer.Append(csv.Row(reading));
                    if (++rows % RowsPerFlush == 0)
                    {
                        await FlushAsync(response, buffer, token);
                    }
                }

                await FlushAsync(response, buffer, token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Headers are gone already: abort the connection so the browser sees a failed download, never a
                // silently truncated file that looks complete.
                LogExportFailed(loggers.CreateLogger(typeof(ExportEndpoint)), rows, exception);
                context.Abort();
            }
        });
        return endpoints;
    }

    private static async Task FlushAsync(HttpResponse response, StringBuilder buffer, CancellationToken token)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(buffer.ToString()), token);
        await response.Body.FlushAsync(token);
        buffer.Clear();
    }

    private static bool TryParse(string? text, DateTimeOffset fallback, out DateTimeOffset value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "CSV export failed after {Rows} rows; the download was aborted")]
    private static partial void LogExportFailed(ILogger logger, long rows, Exception exception);
}
