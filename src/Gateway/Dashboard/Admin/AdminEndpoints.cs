using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace SmartVillage.Gateway.Dashboard.Admin;

/// <summary>
/// Admin login under <c>/api/admin/</c>. Viewing the dashboard needs no login; anything that changes state does.
/// Requests carry JSON (a cross-site form cannot send it without a CORS preflight, which is never granted), the
/// session cookie is HttpOnly and SameSite=Strict, and state-changing calls must echo the session's anti-forgery
/// token in <c>X-CSRF-Token</c>. Setup-code and password guesses are slowed down per client address.
/// </summary>
public static partial class AdminEndpoints
{
    public const string AntiForgeryHeader = "X-CSRF-Token";
    public const int MinimumPasswordLength = 10;

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints, AdminCredentials credentials, AdminSessions sessions, LoginThrottle throttle, ILogger logger, AdminChangeLog? changes = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var admin = endpoints.MapGroup("/api/admin");

        admin.MapGet("/state", (HttpContext context) =>
        {
            var session = sessions.Find(context.Request.Cookies[AdminSessions.CookieName]);
            return Results.Ok(new AdminState(credentials.SetupNeeded, session is not null, session?.AntiForgeryToken));
        });

        admin.MapPost("/setup", (HttpContext context, SetupRequest request) =>
        {
            if (!credentials.SetupNeeded)
            {
                return Results.Problem("the admin password is already set; log in instead", statusCode: StatusCodes.Status409Conflict);
            }

            var client = Client(context);
            if (Throttled(context, throttle, client) is { } wait)
            {
                return wait;
            }

            if ((request.Password ?? "").Length < MinimumPasswordLength)
            {
                return Results.Problem($"the password needs at least {MinimumPasswordLength} characters", statusCode: StatusCodes.Status400BadRequest);
            }

            if (!credentials.TrySetUp(request.Code ?? "", request.Password!))
            {
                throttle.Failed(client);
                LogRefused(logger, "setup code", client);
                return Results.Problem("wrong setup code", statusCode: StatusCodes.Status401Unauthorized);
            }

            throttle.Succeeded(client);
            LogSetUp(logger, client);
            var first = SignIn(context, sessions, out var started);
            changes?.Record(context, started, "password", null, "first password set with the setup code");
            return first;
        });

        admin.MapPost("/login", (HttpContext context, LoginRequest request) =>
        {
            if (credentials.SetupNeeded)
            {
                return Results.Problem("no admin password yet: use the setup code from the gateway's log", statusCode: StatusCodes.Status409Conflict);
            }

            var client = Client(context);
            if (Throttled(context, throttle, client) is { } wait)
            {
                return wait;
            }

            if (!credentials.Verify(request.Password ?? ""))
            {
                throttle.Failed(client);
                LogRefused(logger, "password", client);
                return Results.Problem("wrong password", statusCode: StatusCodes.Status401Unauthorized);
            }

            throttle.Succeeded(client);
            return SignIn(context, sessions);
        });

        admin.MapPost("/logout", (HttpContext context) =>
        {
            if (Authorise(context, sessions) is not { } session)
            {
                return Results.Unauthorized();
            }

            sessions.End(session.Id);
            context.Response.Cookies.Delete(AdminSessions.CookieName);
            return Results.NoContent();
        });

        admin.MapPost("/password", (HttpContext context, PasswordChangeRequest request) =>
        {
            if (Authorise(context, sessions) is null)
            {
                return Results.Unauthorized();
            }

            if ((request.NewPassword ?? "").Length < MinimumPasswordLength)
            {
                return Results.Problem($"the password needs at least {MinimumPasswordLength} characters", statusCode: StatusCodes.Status400BadRequest);
            }

            if (!credentials.Verify(request.CurrentPassword ?? ""))
            {
                return Results.Problem("wrong current password", statusCode: StatusCodes.Status403Forbidden);
            }

            credentials.ChangePassword(request.NewPassword!);
            sessions.EndAll();
            LogPasswordChanged(logger, Client(context));
            var signedIn = SignIn(context, sessions, out var session);
            changes?.Record(context, session, "password", null, "password changed; every other session ended");
            return signedIn;
        });

        return endpoints;
    }

    /// <summary>The session, when the cookie names a live one and the request echoes its anti-forgery token.</summary>
    internal static AdminSession? Authorise(HttpContext context, AdminSessions sessions)
    {
        var session = sessions.Find(context.Request.Cookies[AdminSessions.CookieName]);
        var echoed = context.Request.Headers[AntiForgeryHeader].ToString();
        return session is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(echoed), Encoding.ASCII.GetBytes(session.AntiForgeryToken))
            ? session
            : null;
    }

    private static IResult SignIn(HttpContext context, AdminSessions sessions) => SignIn(context, sessions, out _);

    private static IResult SignIn(HttpContext context, AdminSessions sessions, out AdminSession session)
    {
        session = sessions.Start();
        context.Response.Cookies.Append(AdminSessions.CookieName, session.Id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = AdminSessions.Lifetime,
        });
        return Results.Ok(new AntiForgeryReply(session.AntiForgeryToken));
    }

    private static IResult? Throttled(HttpContext context, LoginThrottle throttle, IPAddress client)
    {
        var wait = throttle.WaitFor(client);
        if (wait <= TimeSpan.Zero)
        {
            return null;
        }

        context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem("too many wrong attempts: wait before trying again", statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static IPAddress Client(HttpContext context) => context.Connection.RemoteIpAddress ?? IPAddress.None;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin {What} refused for {Client}")]
    private static partial void LogRefused(ILogger logger, string what, IPAddress client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin password set with the setup code from {Client}; the code no longer works")]
    private static partial void LogSetUp(ILogger logger, IPAddress client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin password changed from {Client}; every other session was ended")]
    private static partial void LogPasswordChanged(ILogger logger, IPAddress client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin password is set. One-time setup code: {Code} (open the dashboard's admin page and enter it with a new password; a restart prints a new code)")]
    internal static partial void LogSetupCode(ILogger logger, string code);
}

/// <summary>Whether the first password is still to be set, and whether this browser is logged in.</summary>
public sealed record AdminState(bool SetupNeeded, bool Authenticated, string? AntiForgeryToken);

/// <summary>The token a logged-in page echoes in <c>X-CSRF-Token</c>.</summary>
public sealed record AntiForgeryReply(string AntiForgeryToken);

public sealed record SetupRequest(string? Code, string? Password);

public sealed record LoginRequest(string? Password);

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);
