using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Calibration;

public sealed partial class CalibrationSessions
{
    /// <summary>
    /// Records the probe's newest raw value as the point for <paramref name="request"/>'s reference (default: the next
    /// one planned). Refused, with the reason, when the reading is not stable, is stale, or looks like another point's
    /// (the probe was not moved). Recording a reference again replaces its point; the probe must then settle again.
    /// </summary>
    public CalibrationStepResult Record(string sessionId, RecordPointRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            SweepLocked(now);
            if (!_sessions.TryGetValue(sessionId, out var session))
            {
                return UnknownSession(sessionId);
            }

            if (!session.IsOpen)
            {
                return Finished(session);
            }

            var sensor = session.Sensor;
            var word = KindWord(sensor.Kind);
            var plan = string.Join(", ", session.Plan.Select(r => Format(r)));
            if (request.Reference is not { } reference)
            {
                if (session.Next is not { } next)
                {
                    return CalibrationStepResult.Refused(409, "all-recorded",
                        $"every planned {word} is recorded ({plan}); compute the result, or name the {word} to measure again");
                }

                reference = next;
            }
            else if (session.Plan.FirstOrDefault(r => Math.Abs(r - reference) < 0.005, double.NaN) is var planned && !double.IsNaN(planned))
            {
                reference = planned;
            }
            else
            {
                return CalibrationStepResult.Refused(400, "not-in-plan", $"{word} {Format(reference)} is not in this session's plan ({plan})",
                    ("reference", Format(reference)), ("plan", plan));
            }

            if (session.Live is not { } sample || sample.Find(sensor.RawQuantity)?.RawValue is not { } raw)
            {
                return CalibrationStepResult.Refused(409, "no-reading", $"no reading from '{sensor.Id}' yet; wait for the sensor's next reading",
                    ("sensor", sensor.Id), ("age", "-"));
            }

            var age = now - sample.At;
            if (age > _options.StaleAfter)
            {
                var failure = _live.FailureSinceLastSample(sensor.Id) is { } f ? $" (last error: {f.Error})" : "";
                return CalibrationStepResult.Refused(409, "no-reading",
                    $"the newest reading from '{sensor.Id}' is {Format(age.TotalSeconds, "0")} s old{failure}: check the sensor",
                    ("sensor", sensor.Id), ("age", Format(age.TotalSeconds, "0")));
            }

            var stability = session.Stability!;
            if (!stability.IsStable)
            {
                return CalibrationStepResult.Refused(409, "not-stable",
                    $"not stable yet: steady for {Format(stability.SteadyFor.TotalSeconds, "0")} s of {Format(stability.Window.TotalSeconds, "0")} s "
                    + $"(moved {Format(stability.Spread, "0.###")} {sensor.RawUnit}, at most {Format(stability.ToleranceMillivolts, "0.###")} {sensor.RawUnit}); "
                    + "keep the probe still in the solution and wait",
                    ("steady", Format(stability.SteadyFor.TotalSeconds, "0")), ("window", Format(stability.Window.TotalSeconds, "0")),
                    ("spread", Format(stability.Spread, "0.###")), ("tolerance", Format(stability.ToleranceMillivolts, "0.###")), ("unit", sensor.RawUnit));
            }

            var celsius = Temperature(sensor, sample);
            if (SameAsAnotherPoint(session, reference, raw, celsius) is { } other)
            {
                return CalibrationStepResult.Refused(409, "same-reading",
                    $"the probe reads {Format(raw)} {sensor.RawUnit}, as it did in {word} {Format(other.Reference)}: "
                    + $"has it been moved to {word} {Format(reference)}?",
                    ("reference", Format(reference)), ("other", Format(other.Reference)), ("raw", Format(raw)), ("unit", sensor.RawUnit));
            }

            session.Points[reference] = new CalibrationPoint(reference, raw, sensor.RawUnit, Math.Round(celsius, 2), now);
            session.Stability = NewStability(sensor);
            session.LastStepAt = now;
            if (session.State == CalibrationSessionState.Computed)
            {
                // A point was retaken: the result no longer matches the points.
                session.State = CalibrationSessionState.Measuring;
                session.Accepted = null;
                session.Refusal = null;
            }

            LogPoint(_logger, sensor.Id, session.Id, reference, raw, sensor.RawUnit, celsius);
            return CalibrationStepResult.Done(View(session, now));
        }
    }

    /// <summary>
    /// Another point whose raw value is too close to this one for a different solution: a pH electrode moves about
    /// 59 mV per pH unit, so a quarter of that is a probe still in the old buffer; an EC board output within ten times
    /// the stability tolerance is the same solution.
    /// </summary>
    private CalibrationPoint? SameAsAnotherPoint(CalibrationSession session, double reference, double raw, double celsius) =>
        session.Points.Values.FirstOrDefault(p => p.Reference != reference && Math.Abs(p.Raw - raw) < (session.Sensor.Kind == CalibrationKind.Ph
            ? 0.25 * Nernst.SlopeMillivoltsPerPh(celsius) * Math.Abs(p.Reference - reference)
            : 10 * _options.EcStableWithinVolts));

    private static CalibrationStepResult Finished(CalibrationSession session) =>
        CalibrationStepResult.Refused(409, "session-finished",
            $"session {session.Id} has ended ({session.State.ToString().ToLowerInvariant()}); start a new one",
            ("session", session.Id), ("state", session.State.ToString().ToLowerInvariant()));
}
