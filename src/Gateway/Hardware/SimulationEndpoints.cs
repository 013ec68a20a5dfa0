using SmartVillage.Gateway.Calibration.Api;
using SmartVillage.Gateway.Dashboard.Admin;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Hardware.Simulation.Devices.Analog;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Hardware;

/// <summary>
/// Only on simulated hardware: <c>POST /api/simulation/probes/{sensor}</c> moves a simulated pH or EC probe into a
/// buffer or standard solution (<c>{"solution": 4.01}</c>), back into the water (<c>{"water": true}</c>), or changes its
/// condition (<c>slopePercent</c>, <c>offsetMillivolts</c>, <c>cellConstant</c>), so a calibration can be practised and
/// tested without hardware. Changing the simulation changes readings, so it needs the admin login like anything else.
/// </summary>
public static class SimulationEndpoints
{
    public static WebApplication MapSimulation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IHardware>() is not SimulatedKit kit)
        {
            return app;
        }

        var admins = app.Services.GetRequiredService<AdminSessions>();
        app.MapPost("/api/simulation/probes/{sensor}", async (HttpContext context, string sensor) =>
        {
            if (AdminGuard.Refusal(context, admins) is { } refused)
            {
                return refused;
            }

            var (request, problem) = await JsonBody.ReadAsync<SimulatedProbeRequest>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            if (request!.Solution is not null && request.Water == true)
            {
                return Problems.Of(StatusCodes.Status400BadRequest, "bad-request", "give either \"solution\" or \"water\": true, not both");
            }

            return Place(kit, sensor, request);
        });
        return app;
    }

    private static IResult Place(SimulatedKit kit, string sensor, SimulatedProbeRequest request)
    {
        if (kit.FindModel<AnalogPhProbe>(sensor) is { } ph)
        {
            if ((Outside(request.Solution, 0, 14, "solution (buffer pH)") ?? Outside(request.SlopePercent, 10, 150, "slopePercent")
                ?? Outside(request.OffsetMillivolts, -200, 200, "offsetMillivolts")) is { } problem)
            {
                return problem;
            }

            ph.BufferPh = request.Water == true ? null : request.Solution ?? ph.BufferPh;
            ph.SlopeFraction = request.SlopePercent is { } slope ? slope / 100 : ph.SlopeFraction;
            ph.OffsetMillivolts = request.OffsetMillivolts ?? ph.OffsetMillivolts;
            return Results.Ok(new SimulatedProbeState(sensor, "ph", ph.BufferPh, ph.SlopeFraction * 100, ph.OffsetMillivolts, null));
        }

        if (kit.FindModel<AnalogEcProbe>(sensor) is { } ec)
        {
            if ((Outside(request.Solution, 1, 200_000, "solution (standard µS/cm)") ?? Outside(request.CellConstant, 0.1, 10, "cellConstant")) is { } problem)
            {
                return problem;
            }

            ec.StandardMicrosiemensAt25 = request.Water == true ? null : request.Solution ?? ec.StandardMicrosiemensAt25;
            ec.CellConstant = request.CellConstant ?? ec.CellConstant;
            return Results.Ok(new SimulatedProbeState(sensor, "ec", ec.StandardMicrosiemensAt25, null, null, ec.CellConstant));
        }

        return Problems.Of(StatusCodes.Status404NotFound, "unknown-sensor", $"the simulated kit has no pH or EC probe for sensor '{sensor}'");
    }

    private static IResult? Outside(double? value, double min, double max, string name) =>
        value is { } v && !(v >= min && v <= max)
            ? Problems.Of(StatusCodes.Status400BadRequest, "bad-request",
                $"{name}: {v.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside {min.ToString(System.Globalization.CultureInfo.InvariantCulture)}..{max.ToString(System.Globalization.CultureInfo.InvariantCulture)}")
            : null;
}

/// <summary>Where to put a simulated probe and in what condition; absent fields stay as they are.</summary>
/// <param name="Solution">A buffer's pH or a standard's µS/cm at 25 °C to put the probe in.</param>
/// <param name="Water">True to put it back into the water it monitors.</param>
/// <param name="SlopePercent">pH electrode slope, % of Nernst (a worn electrode: about 70).</param>
/// <param name="OffsetMillivolts">pH electrode potential at pH 7, mV.</param>
/// <param name="CellConstant">EC probe cell constant relative to the board's nominal one.</param>
public sealed record SimulatedProbeRequest(
    double? Solution = null, bool? Water = null, double? SlopePercent = null, double? OffsetMillivolts = null, double? CellConstant = null);

/// <summary>A simulated probe after a change: the solution it is in (null: the water) and its condition.</summary>
public sealed record SimulatedProbeState(string Sensor, string Kind, double? Solution, double? SlopePercent, double? OffsetMillivolts, double? CellConstant);
