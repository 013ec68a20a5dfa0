using System.Globalization;

namespace SmartVillage.Gateway.Calibration.CommandLine;

/// <summary>
/// <c>smartvillage calibrate ph|ec ...</c>: guides a technician through a calibration on the running gateway, which
/// owns the sensor bus. It logs in as admin, starts a session, asks for the probe to be put in each solution, shows the
/// raw value settling, records the point once stable, computes, shows the result and applies it (or the reason for
/// refusing it). Ctrl+C or closed input cancels the session, so the sensor is never left flagged as calibrating.
/// </summary>
public sealed class CalibrateCommand(CalibrateArguments arguments, GatewayClient gateway, TextReader input, TextWriter output, TimeProvider time)
{
    public const int Applied = 0;
    public const int RefusedOrCancelled = 1;
    public const int WrongArguments = 2;
    public const int GatewayError = 3;

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private CalibrationSessionView? _session;

    /// <summary>
    /// Runs the command from <c>Program</c>: arguments after <c>calibrate</c>, the console, and the gateway's own
    /// <c>appsettings.json</c> and environment (to find its address).
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var (arguments, problem) = CalibrateArguments.Parse(args);
        if (arguments is null)
        {
            await Console.Error.WriteLineAsync($"calibrate: {problem}{Environment.NewLine}{CalibrateArguments.Usage}").ConfigureAwait(false);
            return WrongArguments;
        }

        var password = PasswordPrompt.Read(Console.Out);
        if (password is null)
        {
            return WrongArguments;
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // Let the session be cancelled on the gateway before the process ends.
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            using var gateway = new GatewayClient(arguments.Gateway ?? GatewayAddress.Resolve(configuration));
            var command = new CalibrateCommand(arguments, gateway, Console.In, Console.Out, TimeProvider.System);
            return await command.RunAsync(password, cancel.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    public async Task<int> RunAsync(string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        var what = arguments.Kind == "ph" ? "pH probe" : "EC probe";
        output.WriteLine($"Calibrating the {what} '{arguments.Sensor}' through the gateway at {gateway.Address}");
        if (await gateway.LoginAsync(password, cancellationToken).ConfigureAwait(false) is { } loginProblem)
        {
            return Fail("Login refused", loginProblem);
        }

        var (started, startProblem) = await gateway.PostAsync<CalibrationSessionView>("api/calibration/sessions",
            new StartCalibrationRequest(arguments.Sensor, arguments.BufferSet, arguments.Buffers, arguments.Standards, arguments.Note),
            cancellationToken).ConfigureAwait(false);
        if (started is null)
        {
            return Fail("Could not start", startProblem!);
        }

        _session = started;
        try
        {
            return await GuideAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.WriteLine();
            output.WriteLine("Interrupted: calibration cancelled. Nothing was changed.");
            return RefusedOrCancelled;
        }
        finally
        {
            if (_session is { State: "measuring" or "computed" })
            {
                // Never leave the sensor flagged and fast-polled until the session times out.
                await gateway.DeleteAsync<CalibrationSessionView>($"api/calibration/sessions/{_session.Id}", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<int> GuideAsync(CancellationToken cancellationToken)
    {
        var session = _session!;
        var plan = session.Plan;
        output.WriteLine($"Session {session.Id} started. Until it ends the probe's readings are flagged 'calibrating'.");
        output.WriteLine(session.Kind == "ph"
            ? $"Buffers ({session.BufferSet}): {string.Join(", ", plan.Select(b => Number(b, "0.00")))}"
            : $"Standards: {string.Join(", ", plan.Select(s => Number(s, "0") + " µS/cm"))}");
        for (var step = 0; step < plan.Count; step++)
        {
            if (await MeasureAsync(step + 1, plan.Count, plan[step], cancellationToken).ConfigureAwait(false) is { } stopped)
            {
                return stopped;
            }
        }

        var (computed, computeProblem) = await gateway.PostAsync<CalibrationSessionView>(SessionPath("compute"), null, cancellationToken).ConfigureAwait(false);
        if (computed?.Result is not { } result)
        {
            return Fail("Could not compute", computeProblem!);
        }

        _session = computed;
        output.WriteLine();
        if (result.Calibration is { } calibration)
        {
            output.WriteLine("Result: " + Summary(calibration));
        }

        if (!result.Accepted)
        {
            output.WriteLine($"Refused: {result.Refusal?.Message}.");
            output.WriteLine("Nothing was changed; the sensor keeps its current calibration.");
            return RefusedOrCancelled;
        }

        output.WriteLine("Passed: " + string.Join("; ", result.Calibration!.Validation) + ".");
        if (!arguments.Yes)
        {
            output.Write("Apply this calibration? [y/N] ");
            var answer = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (answer is null || !answer.Trim().StartsWith('y'))
            {
                output.WriteLine("Not applied: calibration cancelled. Nothing was changed.");
                return RefusedOrCancelled;
            }
        }

        var (applied, applyProblem) = await gateway.PostAsync<CalibrationSessionView>(SessionPath("apply"), null, cancellationToken).ConfigureAwait(false);
        if (applied is null)
        {
            return Fail("Not applied", applyProblem!);
        }

        _session = applied;
        output.WriteLine($"Applied: calibration {applied.AppliedId}. Readings from now on use it and carry its id.");
        return Applied;
    }

    /// <returns>Null when the point was recorded; otherwise the exit code to stop with.</returns>
    private async Task<int?> MeasureAsync(int step, int steps, double reference, CancellationToken cancellationToken)
    {
        var solution = _session!.Kind == "ph" ? $"the pH {Number(reference, "0.00")} buffer" : $"the {Number(reference, "0")} µS/cm standard";
        var rinse = _session.Kind == "ph" ? "rinse the probe in clean water" : "rinse the probe in clean water and shake it dry";
        while (true)
        {
            output.WriteLine();
            output.WriteLine($"Step {step} of {steps}: {rinse}, put it in {solution}, then press Enter.");
            if (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                output.WriteLine("Input closed: calibration cancelled. Nothing was changed.");
                return RefusedOrCancelled;
            }

            output.WriteLine("Waiting for a stable reading...");
            var deadline = time.GetUtcNow() + arguments.Wait;
            while (true)
            {
                var (now, problem) = await gateway.GetAsync<CalibrationSessionView>(SessionPath(null), cancellationToken).ConfigureAwait(false);
                if (now is null)
                {
                    return Fail("Session lost", problem!);
                }

                _session = now;
                if (now.State is not ("measuring" or "computed"))
                {
                    output.WriteLine($"The session has ended ({now.State}). Nothing was changed.");
                    return RefusedOrCancelled;
                }

                output.WriteLine("  " + Live(now.Live));
                if (now.Live is { Stable: true })
                {
                    var (recorded, refused) = await gateway.PostAsync<CalibrationSessionView>(SessionPath("points"), new RecordPointRequest(reference), cancellationToken)
                        .ConfigureAwait(false);
                    if (recorded is not null)
                    {
                        _session = recorded;
                        var point = recorded.Points.Last(p => Math.Abs(p.Reference - reference) < 0.005);
                        output.WriteLine($"Recorded {solution}: {Number(point.Raw, "0.###")} {point.RawUnit} at {Number(point.TemperatureCelsius, "0.0")} °C.");
                        return null;
                    }

                    if (refused!.Code == "same-reading")
                    {
                        output.WriteLine($"Not recorded: {refused.Detail}");
                        break; // Ask again for the probe to be put in the right solution.
                    }

                    if (refused.Code != "not-stable")
                    {
                        return Fail("Not recorded", refused);
                    }
                }

                if (time.GetUtcNow() > deadline)
                {
                    output.WriteLine($"Not stable after {arguments.Wait.TotalMinutes:0.#} min: check the probe and the solution. Calibration cancelled; nothing was changed.");
                    return RefusedOrCancelled;
                }

                await Task.Delay(Poll, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private string SessionPath(string? action) => $"api/calibration/sessions/{_session!.Id}" + (action is null ? "" : "/" + action);

    /// <summary>
    /// A line from the technician. The console's reader blocks even when asked asynchronously, so it runs on its own
    /// thread and Ctrl+C can still cancel while the prompt waits.
    /// </summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        await Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);

    private int Fail(string what, GatewayProblem problem)
    {
        output.WriteLine($"{what}: {problem.Detail}");
        return problem.Status is 400 or 404 or 409 && problem.Code is not ("not-logged-in" or "anti-forgery") ? RefusedOrCancelled : GatewayError;
    }

    private static string Live(LiveRawView? live) => live switch
    {
        null => "no reading from the probe yet",
        { Fresh: false } => $"no new reading since {live.At:HH:mm:ss}" + (live.SensorError is { } error ? $" (sensor error: {error})" : ""),
        _ => $"{Number(live.Raw, live.RawUnit == "mV" ? "0.0" : "0.000")} {live.RawUnit} at {Number(live.TemperatureCelsius, "0.0")} °C  "
            + (live.Stable ? "stable" : $"settling: steady {Number(live.SteadySeconds, "0")} s of {Number(live.WindowSeconds, "0")} s"),
    };

    private static string Summary(CalibrationRecordView calibration)
    {
        if (calibration.Ph is { } ph)
        {
            return ReferenceEquals(ph.Acid, ph.Alkaline) || ph.Acid == ph.Alkaline
                ? $"slope {Number(ph.Acid.SlopePercent, "0.0")} % of Nernst, offset {Number(ph.Acid.OffsetMillivolts, "0.0")} mV at pH 7"
                : $"acid side slope {Number(ph.Acid.SlopePercent, "0.0")} %, offset {Number(ph.Acid.OffsetMillivolts, "0.0")} mV; "
                    + $"alkaline side slope {Number(ph.Alkaline.SlopePercent, "0.0")} %, offset {Number(ph.Alkaline.OffsetMillivolts, "0.0")} mV";
        }

        return $"cell constant {Number(calibration.Ec!.CellConstant, "0.000")}";
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
