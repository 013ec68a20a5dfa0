using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Calibration;

public sealed partial class CalibrationSessions
{
    private CalibrationSessionView View(CalibrationSession session, DateTimeOffset now) =>
        new(
            session.Id,
            session.Sensor.Id,
            CalibrationRecordView.KindName(session.Sensor.Kind),
            session.BufferSet?.Name,
            session.Plan,
            session.IsOpen ? session.Next : null,
            session.State.ToString().ToLowerInvariant(),
            session.StartedAt,
            session.IsOpen ? session.LastStepAt + _options.SessionTimeout : null,
            session.Note,
            session.IsOpen ? LiveView(session, now) : null,
            [.. session.Plan.Where(session.Points.ContainsKey).Select(r => session.Points[r])],
            session.Accepted is not null || session.Refusal is not null
                ? new CalibrationResultView(session.Accepted is not null, session.Refusal, session.Accepted is null ? null : CalibrationRecordView.From(session.Accepted))
                : null,
            session.AppliedId);

    private LiveRawView? LiveView(CalibrationSession session, DateTimeOffset now)
    {
        if (session.Live is not { } sample || sample.Find(session.Sensor.RawQuantity) is not { RawValue: { } raw } reading)
        {
            return null;
        }

        var stability = session.Stability;
        return new LiveRawView(
            raw,
            reading.RawUnit ?? session.Sensor.RawUnit,
            reading.Value,
            reading.Unit,
            Temperature(session.Sensor, sample),
            sample.At,
            now - sample.At <= _options.StaleAfter,
            _live.FailureSinceLastSample(session.Sensor.Id)?.Error,
            IsRecordable(session, now),
            Math.Round(stability?.SteadyFor.TotalSeconds ?? 0, 1),
            _options.StableWindow.TotalSeconds,
            Math.Round(stability?.Spread ?? 0, 4),
            stability?.ToleranceMillivolts ?? 0);
    }

    /// <summary>The compensation temperature of a reading: its measured temperature, else the sensor's fixed one.</summary>
    private static double Temperature(CalibratableSensor sensor, Acquisition.LiveSample sample) =>
        sample.Find("temperature")?.Value ?? sensor.FallbackCelsius;

    /// <summary>True when the newest reading is fresh and has been stable over the whole window.</summary>
    private bool IsRecordable(CalibrationSession session, DateTimeOffset now) =>
        session.Live is { } sample && now - sample.At <= _options.StaleAfter && session.Stability?.IsStable == true;

    private static string KindWord(CalibrationKind kind) => kind == CalibrationKind.Ph ? "buffer" : "standard";
}
