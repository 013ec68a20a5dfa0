using SmartVillage.Gateway.Dashboard.Admin;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// Closes the dashboard's data to anyone without an admin session when <see cref="DashboardOptions.OpenViewing"/>
/// is false: every <c>/api/</c> read (now, live stream, series, history, export, status) answers 401. The page and
/// its assets stay reachable (they hold no data) so the login can be offered, and so does <c>/api/admin/</c>, which
/// guards itself. Checked per request, so closing or opening takes effect at once.
/// </summary>
public sealed class ViewingGate(LiveDashboardSettings settings, AdminSessions sessions)
{
    public bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return settings.OpenViewing || sessions.Find(context.Request.Cookies[AdminSessions.CookieName]) is not null;
    }

    public static bool Guards(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/api/admin", StringComparison.OrdinalIgnoreCase);

    public IApplicationBuilder UseOn(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            if (Guards(context.Request.Path) && !Allows(context))
            {
                context.Response.Headers.CacheControl = "no-store";
                await Results.Problem(
                    "viewing this gateway needs the admin login (Dashboard:OpenViewing is false); log in on the admin page",
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "login needed").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }
}
