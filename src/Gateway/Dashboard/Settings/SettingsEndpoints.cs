using System.Text.RegularExpressions;
using SmartVillage.Gateway.Configuration.Overlay;
using SmartVillage.Gateway.Dashboard.Admin;

namespace SmartVillage.Gateway.Dashboard.Settings;

/// <summary>
/// The admin page's settings under <c>/api/admin/settings</c>: the site name, open viewing, each sensor's interval
/// and enabled flag, each quantity's limits; <c>PUT</c> changes one, <c>DELETE</c> returns it to the kit file. Every
/// call needs the admin session; changes also need the anti-forgery token and a small JSON body. Each change is
/// answered with the whole settings view, so the page shows what is in force now.
/// </summary>
public static partial class SettingsEndpoints
{
    public static IEndpointRouteBuilder MapAdminSettings(this IEndpointRouteBuilder endpoints, AdminSettings settings, AdminSessions sessions, LiveDashboardSettings live)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(live);

        // Public: the page asks whether it may show data, or must offer the login first.
        endpoints.MapGet("/api/admin/viewing", () => Results.Ok(new ViewingState(live.OpenViewing)));

        var group = endpoints.MapGroup("/api/admin/settings");
        group.MapGet("", Handler(context => Task.FromResult(
            sessions.Find(context.Request.Cookies[AdminSessions.CookieName]) is null ? LoginNeeded() : Results.Ok(settings.View()))));

        group.MapPut("/name", Handler(context => ChangeAsync(context, sessions, (session, fields) =>
        {
            fields.RefuseOthers("name");
            fields.Require("name");
            var name = fields.Text("name")?.Trim();
            if (name is not null && SettingRules.NameProblem(name) is { } problem)
            {
                fields.Add("name", "name: " + problem);
            }

            var before = live.SiteName;
            return Apply(settings, fields, AdminSettings.NameKey, o => o.Name = name, () =>
                settings.Changes.Record(context, session, "name", null, $"'{before}' → '{name}'"));
        })));
        group.MapDelete("/name", Handler(context => ResetAsync(context, sessions, settings, o => o.Name is not null, o => o.Name = null, session =>
            settings.Changes.Record(context, session, "name-reset", null, $"back to the kit file's '{settings.View().KitName}'"))));

        group.MapPut("/viewing", Handler(context => ChangeAsync(context, sessions, (session, fields) =>
        {
            fields.RefuseOthers("open");
            fields.Require("open");
            var open = fields.Boolean("open");
            var before = live.OpenViewing;
            return Apply(settings, fields, AdminSettings.ViewingKey, o => o.OpenViewing = open, () =>
                settings.Changes.Record(context, session, "viewing", null, $"{ChangeText.Viewing(before)} → {ChangeText.Viewing(open == true)}"));
        })));
        group.MapDelete("/viewing", Handler(context => ResetAsync(context, sessions, settings, o => o.OpenViewing is not null, o => o.OpenViewing = null, session =>
            settings.Changes.Record(context, session, "viewing-reset", null, $"back to the kit file's: {ChangeText.Viewing(live.OpenViewing)}"))));

        group.MapPut("/sensors/{id}", (HttpContext context, string id) => ChangeAsync(context, sessions, (session, fields) =>
        {
            if (!settings.IsKnownSensor(id))
            {
                return UnknownSensor(id);
            }

            fields.RefuseOthers("intervalSeconds", "enabled");
            if (!fields.Has("intervalSeconds") && !fields.Has("enabled"))
            {
                fields.Add("intervalSeconds", "send intervalSeconds, enabled or both");
            }

            var seconds = fields.Number("intervalSeconds");
            var enabled = fields.Boolean("enabled");
            if (seconds is { } s && SettingRules.IntervalProblem(s) is { } problem)
            {
                fields.Add("intervalSeconds", "intervalSeconds: " + problem);
            }

            TimeSpan? interval = seconds is { } valid && !fields.Problems.ContainsKey("intervalSeconds")
                ? TimeSpan.FromMilliseconds(Math.Round(valid * 1000))
                : null;

            var key = settings.SensorKey(id, interval is not null ? "Interval" : "Enabled");
            var (beforeInterval, beforeEnabled) = settings.SensorNow(id);
            return Apply(settings, fields, key, o =>
            {
                var entry = o.Sensors.GetValueOrDefault(id) ?? new SensorOverride();
                entry.Interval = interval ?? entry.Interval;
                entry.Enabled = enabled ?? entry.Enabled;
                o.Sensors[id] = entry;
            }, () => settings.Changes.Record(context, session, "sensor", id, ChangeText.SensorDiff(beforeInterval, beforeEnabled, settings.SensorNow(id))));
        }));
        group.MapDelete("/sensors/{id}", (HttpContext context, string id) => settings.IsKnownSensor(id)
            ? ResetAsync(context, sessions, settings, o => o.Sensors.ContainsKey(id), o => o.Sensors.Remove(id), session =>
                settings.Changes.Record(context, session, "sensor-reset", id, "back to the kit file's: " + ChangeText.SensorText(settings.SensorNow(id))))
            : Task.FromResult(UnknownSensor(id)));

        group.MapPut("/thresholds/{quantity}", (HttpContext context, string quantity) => ChangeAsync(context, sessions, (session, fields) =>
        {
            if (!QuantityName().IsMatch(quantity) || !settings.IsKnownQuantity(quantity))
            {
                return UnknownQuantity(quantity);
            }

            fields.RefuseOthers("actBelow", "watchBelow", "watchAbove", "actAbove");
            var limits = new ThresholdLimits
            {
                ActBelow = fields.Number("actBelow"),
                WatchBelow = fields.Number("watchBelow"),
                WatchAbove = fields.Number("watchAbove"),
                ActAbove = fields.Number("actAbove"),
            };
            if (fields.Problems.Count == 0)
            {
                fields.AddAll(limits.Problems());
            }

            var before = settings.LimitsOf(quantity);
            return Apply(settings, fields, AdminSettings.LimitKey(quantity), o => o.Thresholds[quantity] = limits, () =>
                settings.Changes.Record(context, session, "threshold", quantity, ChangeText.LimitDiff(before, limits)));
        }));
        group.MapDelete("/thresholds/{quantity}", (HttpContext context, string quantity) => QuantityName().IsMatch(quantity)
            ? ResetAsync(context, sessions, settings, o => o.Thresholds.ContainsKey(quantity), o => o.Thresholds.Remove(quantity), session =>
                settings.Changes.Record(context, session, "threshold-reset", quantity, "back to " + ChangeText.LimitText(settings.LimitsOf(quantity))))
            : Task.FromResult(UnknownQuantity(quantity)));

        return endpoints;
    }

    /// <summary>Typed, so a handler taking only the context is mapped as a handler whose result is written.</summary>
    // A plain RequestDelegate: mapped without reflection or generated glue (the handlers take only the HttpContext).
    private static RequestDelegate Handler(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context).ConfigureAwait(false)).ExecuteAsync(context).ConfigureAwait(false);

    private static async Task<IResult> ChangeAsync(HttpContext context, AdminSessions sessions, Func<AdminSession, JsonFields, IResult> change)
    {
        if (AdminEndpoints.Authorise(context, sessions) is not { } session)
        {
            return LoginNeeded();
        }

        var (body, error) = await JsonBody.ReadAsync(context);
        return error ?? change(session, new JsonFields(body));
    }

    private static Task<IResult> ResetAsync(HttpContext context, AdminSessions sessions, AdminSettings settings, Func<SettingsOverlay, bool> isSet, Action<SettingsOverlay> reset, Action<AdminSession> record)
    {
        if (AdminEndpoints.Authorise(context, sessions) is not { } session)
        {
            return Task.FromResult(LoginNeeded());
        }

        // Resetting what the overlay does not change is no change: nothing is written, nothing recorded.
        if (isSet(settings.Overlay))
        {
            if (Save(settings, reset) is { } failure)
            {
                return Task.FromResult(failure);
            }

            record(session);
        }

        return Task.FromResult(Results.Ok(settings.View()));
    }

    private static IResult Apply(AdminSettings settings, JsonFields fields, string key, Action<SettingsOverlay> change, Action record)
    {
        if (fields.Problems.Count > 0)
        {
            return Results.ValidationProblem(fields.Problems, detail: "the setting was not changed: " + string.Join("; ", fields.Problems.Values.SelectMany(v => v)));
        }

        if (settings.HiddenBy(key) is { } layer)
        {
            return Results.Problem($"{key} is set by {layer}, which wins over the admin page; remove it there first", statusCode: StatusCodes.Status409Conflict);
        }

        if (Save(settings, change) is { } failure)
        {
            return failure;
        }

        record();
        return Results.Ok(settings.View());
    }

    private static IResult? Save(AdminSettings settings, Action<SettingsOverlay> change)
    {
        try
        {
            settings.Save(change);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Results.Problem($"the setting could not be saved, nothing was changed: {exception.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static IResult LoginNeeded() =>
        Results.Problem("log in on the admin page first; changes also need the X-CSRF-Token header", statusCode: StatusCodes.Status401Unauthorized);

    private static IResult UnknownSensor(string id) =>
        Results.Problem($"the kit has no sensor '{id}'", statusCode: StatusCodes.Status404NotFound);

    private static IResult UnknownQuantity(string quantity) =>
        Results.Problem($"'{quantity}' is not a quantity this gateway has a threshold or readings for", statusCode: StatusCodes.Status404NotFound);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex QuantityName();
}

/// <summary>Whether the dashboard may be viewed without logging in.</summary>
public sealed record ViewingState(bool Open);
