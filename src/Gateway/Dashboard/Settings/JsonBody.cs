using System.Text.Json;

namespace SmartVillage.Gateway.Dashboard.Settings;

/// <summary>
/// The body of a settings request: JSON only (a cross-site form cannot send it without a preflight, which is never
/// granted), a single object, and small: a setting is a few hundred bytes, so anything past
/// <see cref="MaxBytes"/> is refused before it is parsed.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 4 * 1024;

    /// <returns>The object, or the error to answer with.</returns>
    public static async Task<(JsonElement Body, IResult? Error)> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return (default, Results.Problem("send the setting as JSON (Content-Type: application/json)", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (default, TooLarge());
        }

        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted)) > 0)
        {
            length += read;
        }

        if (length > MaxBytes)
        {
            return (default, TooLarge());
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (default, Results.Problem("the body must be one JSON object, e.g. {\"watchBelow\": 3}", statusCode: StatusCodes.Status400BadRequest));
        }
        catch (JsonException exception)
        {
            return (default, Results.Problem($"the body is not valid JSON: {exception.Message}", statusCode: StatusCodes.Status400BadRequest));
        }
    }

    private static IResult TooLarge() =>
        Results.Problem($"the body is larger than {MaxBytes} bytes; a setting is much smaller", statusCode: StatusCodes.Status413PayloadTooLarge);
}
