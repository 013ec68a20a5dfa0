using SmartVillage.Gateway.Dashboard.Admin;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Calibration.Api;

/// <summary>
/// Calibration over HTTP, under <c>/api/calibration</c>. Reading is open to viewers (the calibratable sensors, their
/// current calibration, its age, whether it is due, the history). Everything under <c>sessions</c> needs the admin
/// login and the anti-forgery header (<see cref="AdminGuard"/>); refusals are problem+json with a <c>code</c>.
/// </summary>
public static class CalibrationEndpoints
{
    public static WebApplication MapCalibration(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var calibration = app.Services.GetRequiredService<CalibrationSessions>();
        var admins = app.Services.GetRequiredService<AdminSessions>();
        var simulated = app.Services.GetRequiredService<IHardware>().Name == "simulated";
        var api = app.MapGroup("/api/calibration");

        api.MapGet("/", () => Results.Ok(calibration.Overview(simulated)));
        api.MapGet("/sensors/{sensor}/history", (string sensor) => calibration.History(sensor) is { } history
            ? Results.Ok(history)
            : Problems.Of(StatusCodes.Status404NotFound, "unknown-sensor", $"the kit has no calibratable sensor '{sensor}'"));

        var sessions = api.MapGroup("/sessions").AddEndpointFilter(async (context, next) =>
            AdminGuard.Refusal(context.HttpContext, admins) ?? await next(context).ConfigureAwait(false));

        sessions.MapPost("/", async (HttpContext context) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<StartCalibrationRequest>(context).ConfigureAwait(false);
            return problem ?? Answer(calibration.Start(request!), created: true);
        });
        sessions.MapGet("/{id}", (string id) => calibration.Find(id) is { } session
            ? Results.Ok(session)
            : Answer(CalibrationStepResult.Refused(StatusCodes.Status404NotFound, "unknown-session", $"no calibration session '{id}'")));
        sessions.MapPost("/{id}/points", async (HttpContext context, string id) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<RecordPointRequest>(context, optional: true).ConfigureAwait(false);
            return problem ?? Answer(calibration.Record(id, request ?? new RecordPointRequest()));
        });
        sessions.MapPost("/{id}/compute", (string id) => Answer(calibration.Compute(id)));
        sessions.MapPost("/{id}/apply", (string id) => Answer(calibration.Apply(id)));
        sessions.MapDelete("/{id}", (string id) => Answer(calibration.Cancel(id)));
        return app;
    }

    private static IResult Answer(CalibrationStepResult result, bool created = false) =>
        result.Problem is { } problem
            ? Problems.Of(problem.Status, problem.Reason)
            : created
                ? Results.Created($"/api/calibration/sessions/{result.Session!.Id}", result.Session)
                : Results.Ok(result.Session);
}
