using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Calibration;

public sealed partial class CalibrationSessions
{
    /// <summary>
    /// Computes the calibration from the recorded points and checks it against the limits. A refused calibration is a
    /// result, not an error: the session shows why, and it cannot be applied.
    /// </summary>
    public CalibrationStepResult Compute(string sessionId)
    {
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

            var missing = session.Plan.Where(r => !session.Points.ContainsKey(r)).ToList();
            if (missing.Count > 0)
            {
                var list = string.Join(", ", missing.Select(r => Format(r)));
                return CalibrationStepResult.Refused(409, "points-missing", $"record {KindWord(session.Sensor.Kind)} {list} first",
                    ("missing", list));
            }

            var (accepted, refusal) = Calculate(session, now);
            session.Accepted = accepted;
            session.Refusal = refusal;
            session.State = CalibrationSessionState.Computed;
            session.LastStepAt = now;
            if (refusal is not null)
            {
                LogRefused(_logger, session.Sensor.Id, session.Id, refusal.Message);
            }

            return CalibrationStepResult.Done(View(session, now));
        }
    }

    /// <summary>
    /// Stores the accepted calibration in the sensor's store and ends the session: the sensor uses it from its next
    /// reading, and those readings carry its id. Refused when nothing accepted was computed.
    /// </summary>
    public CalibrationStepResult Apply(string sessionId)
    {
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

            if (session.Refusal is { } refusal)
            {
                return CalibrationStepResult.Refused(409, refusal with { Message = "refused, nothing to apply: " + refusal.Message });
            }

            if (session.Accepted is not { } calibration)
            {
                return CalibrationStepResult.Refused(409, "not-computed", "compute the result before applying it");
            }

            // Named and dated when it takes effect; a second calibration within the same second gets a suffix.
            var store = session.Sensor.Store;
            var id = CalibrationRecord.NewId(session.Sensor.Id, now);
            var unique = id;
            for (var n = 2; store.Contains(unique); n++)
            {
                unique = $"{id}-{n}";
            }

            calibration = calibration with { Id = unique, CalibratedAt = now };
            try
            {
                store.Add(calibration);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogStoreFailed(_logger, session.Sensor.Id, store.Path, e.Message);
                return CalibrationStepResult.Refused(500, "store-failed",
                    $"the calibration could not be written to {store.Path}: {e.Message}; nothing was applied", ("path", store.Path));
            }

            session.Accepted = calibration;
            session.AppliedId = calibration.Id;
            End(session, CalibrationSessionState.Applied, now);
            LogApplied(_logger, session.Sensor.Id, session.Id, calibration.Id);
            return CalibrationStepResult.Done(View(session, now));
        }
    }

    private (CalibrationRecord? Accepted, CalibrationRefusal? Refusal) Calculate(CalibrationSession session, DateTimeOffset now)
    {
        var sensor = session.Sensor;
        var points = session.Plan.Select(r => session.Points[r]).ToList();
        if (sensor.Kind == CalibrationKind.Ph)
        {
            var ph = new PhCalibrator(_options.Ph).Compute(
                sensor.Id,
                session.BufferSet!,
                [.. points.Select(p => new PhCalibrationPoint(p.Reference, p.Raw, p.TemperatureCelsius) { At = p.At })],
                now,
                session.Note);
            return (ph.Calibration, ph.Reason);
        }

        var ec = new EcCalibrator(_options.Ec).Compute(
            sensor.Id,
            [.. points.Select(p => new EcCalibrationPoint(p.Reference, p.Raw, p.TemperatureCelsius) { At = p.At })],
            now,
            session.Note);
        return (ec.Calibration, ec.Reason);
    }
}
