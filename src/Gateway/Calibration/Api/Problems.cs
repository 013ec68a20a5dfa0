using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Calibration.Api;

/// <summary>
/// problem+json answers (RFC 9457) for calibration: <c>detail</c> says what is wrong and what to do, in English;
/// <c>code</c> and <c>values</c> let the dashboard say the same in the farmer's language.
/// </summary>
public static class Problems
{
    public static IResult Of(int status, string code, string detail) =>
        Of(status, new CalibrationRefusal(code, detail, new Dictionary<string, string>()));

    public static IResult Of(int status, CalibrationRefusal reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return Results.Problem(
            reason.Message,
            statusCode: status,
            title: Title(status),
            // A plain Dictionary whatever Values is: the generated JSON metadata (GatewayHttpJson) knows that type.
            extensions: new Dictionary<string, object?> { ["code"] = reason.Code, ["values"] = new Dictionary<string, string>(reason.Values) });
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Request not valid",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status409Conflict => "Not possible now",
        StatusCodes.Status413PayloadTooLarge => "Request too large",
        StatusCodes.Status415UnsupportedMediaType => "Request not JSON",
        _ => "Calibration failed",
    };
}
