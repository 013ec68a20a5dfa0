using System.Security.Cryptography;
using System.Text;

namespace SmartVillage.Gateway.Dashboard.Admin;

/// <summary>
/// The admin check for endpoints outside <c>/api/admin</c> that change state (calibration, the simulation): the
/// request must carry a live admin session cookie (else 401) and echo that session's anti-forgery token in
/// <see cref="AdminEndpoints.AntiForgeryHeader"/> (else 403), as the admin module's own endpoints require.
/// </summary>
public static class AdminGuard
{
    /// <summary>Null when the request may go on; otherwise the problem+json response refusing it.</summary>
    public static IResult? Refusal(HttpContext context, AdminSessions sessions)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sessions);
        var session = sessions.Find(context.Request.Cookies[AdminSessions.CookieName]);
        if (session is null)
        {
            return Results.Problem(
                "log in as admin first (POST /api/admin/login); changing calibration needs the admin password",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Admin login required",
                extensions: new Dictionary<string, object?> { ["code"] = "not-logged-in" });
        }

        var echoed = context.Request.Headers[AdminEndpoints.AntiForgeryHeader].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(echoed), Encoding.ASCII.GetBytes(session.AntiForgeryToken))
            ? null
            : Results.Problem(
                $"the {AdminEndpoints.AntiForgeryHeader} header must echo the session's anti-forgery token (from the login answer or GET /api/admin/state)",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Anti-forgery token missing or wrong",
                extensions: new Dictionary<string, object?> { ["code"] = "anti-forgery" });
    }
}
