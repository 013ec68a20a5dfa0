using System.Text.Json;
using SmartVillage.Gateway.Hosting;

namespace SmartVillage.Gateway.Calibration.Api;

/// <summary>
/// Reads a small JSON request body with a size limit of its own, turning every way it can be wrong into a
/// problem+json answer that says what and where (not JSON, too large, malformed at a line and position).
/// </summary>
public static class JsonBody
{
    /// <summary>Calibration requests are a few hundred bytes; 4 KB leaves room for a long note.</summary>
    public const long MaxBytes = 4 * 1024;

    /// <param name="optional">True when an empty body means "all defaults".</param>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context, bool optional = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (optional && request.ContentLength is 0 or null && !request.HasJsonContentType())
        {
            return (null, null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "not-json",
                "send the request body as JSON with Content-Type: application/json"));
        }

        // The whole body is read (the server-wide limit, SecurityHeaders.MaxRequestBodyBytes, bounds it) before it is
        // judged: answering early and leaving the client still sending makes the connection reset, and the client
        // would lose the answer that says why.
        using var body = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }

        if (body.Length > MaxBytes)
        {
            return (null, TooLarge());
        }

        if (body.Length == 0)
        {
            return optional ? (null, null) : (null, Problems.Of(StatusCodes.Status400BadRequest, "bad-json", "the request body is empty; send a JSON object"));
        }

        try
        {
            body.Position = 0;
            var value = await JsonSerializer.DeserializeAsync(body, GatewayHttpJson.TypeInfo<T>(), context.RequestAborted).ConfigureAwait(false);
            return value is null && !optional
                ? (null, Problems.Of(StatusCodes.Status400BadRequest, "bad-json", "the request body is null; send a JSON object"))
                : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "bad-json",
                $"the request body is not what this endpoint takes: {e.Message}"));
        }
    }

    private static IResult TooLarge() =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "too-large", $"the request body is larger than {MaxBytes} bytes");
}
