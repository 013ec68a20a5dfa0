using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SmartVillage.Gateway.Acquisition;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Calibration;

/// <summary>
/// Calibration sessions: one per sensor at a time. A session follows the sensor's own readings (the poller publishes
/// them to <see cref="LiveSamples"/>), judges when the raw value has settled (<see cref="StableReading"/>), records a
/// point only then, computes and validates the calibration, and applies it by adding it to the store the sensor reads
/// from, so the sensor uses it from its next reading. While a session is open the sensor is read faster and its
/// readings are flagged <c>Calibrating</c>. A session with no step for <see cref="CalibrationOptions.SessionTimeout"/>
/// expires; an ended session stays visible for the same time.
/// </summary>
/// <remarks>Every operation and every incoming reading takes one lock: there are a few sessions and a few readings a second.</remarks>
public sealed partial class CalibrationSessions : IDisposable
{
    private readonly CalibratableSensors _sensors;
    private readonly LiveSamples _live;
    private readonly SensorsUnderCalibration _underCalibration;
    private readonly CalibrationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CalibrationSession> _sessions = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;
    private readonly ITimer _sweeper;

    public CalibrationSessions(
        CalibratableSensors sensors,
        LiveSamples live,
        SensorsUnderCalibration underCalibration,
        IOptions<CalibrationOptions> options,
        TimeProvider time,
        ILogger<CalibrationSessions> logger)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(underCalibration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _sensors = sensors;
        _live = live;
        _underCalibration = underCalibration;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _subscription = live.Subscribe(OnSample);
        var sweep = TimeSpan.FromTicks(Math.Clamp(_options.SessionTimeout.Ticks / 10, TimeSpan.TicksPerSecond, 5 * TimeSpan.TicksPerSecond));
        _sweeper = time.CreateTimer(_ => Sweep(), null, sweep, sweep);
    }

    public CalibratableSensors Sensors => _sensors;

    /// <summary>The calibratable sensors with their current calibration, age, due state and open session.</summary>
    public CalibrationOverview Overview(bool simulated)
    {
        var now = _time.GetUtcNow();
        var views = new List<CalibratableSensorView>();
        lock (_gate)
        {
            SweepLocked(now);
            foreach (var sensor in _sensors.All)
            {
                var current = sensor.Store.Latest(sensor.Id);
                var open = _sessions.Values.FirstOrDefault(s => s.IsOpen && s.Sensor.Id == sensor.Id);
                var status = current is null ? "uncalibrated" : current.IsDue(now, sensor.DueAfter) ? "due" : "ok";
                views.Add(new CalibratableSensorView(
                    sensor.Id,
                    sensor.Definition.Type,
                    CalibrationRecordView.KindName(sensor.Kind),
                    sensor.RawUnit,
                    sensor.DueAfter.TotalDays,
                    status,
                    current is null ? null : CalibrationRecordView.From(current),
                    current is null ? null : Math.Round((now - current.CalibratedAt).TotalDays, 2),
                    open?.Id));
            }
        }

        var (ph, ec) = (_options.Ph, _options.Ec);
        return new CalibrationOverview(
            views,
            [.. PhBufferSet.All.Select(s => new BufferSetView(s.Name, s.Acid, s.Neutral, s.Alkaline))],
            EcStandards.All,
            new CalibrationLimitsView(ph.MinSlopePercent, ph.MaxSlopePercent, ph.MaxOffsetMillivolts, ec.MinCellConstant, ec.MaxCellConstant, ec.MaxDisagreementPercent),
            simulated);
    }

    /// <summary>Every calibration of <paramref name="sensorId"/>, newest first; null when it is not a calibratable sensor.</summary>
    public IReadOnlyList<CalibrationRecordView>? History(string sensorId) =>
        _sensors.Find(sensorId) is { } sensor
            ? [.. sensor.Store.History(sensor.Id).Reverse().Select(CalibrationRecordView.From)]
            : null;

    /// <summary>Starts a session for <paramref name="request"/>'s sensor; refused when the plan cannot work or the sensor is busy.</summary>
    public CalibrationStepResult Start(StartCalibrationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sensorId = request.Sensor ?? "";
        if (_sensors.Find(sensorId) is not { } sensor)
        {
            return _sensors.KitType(sensorId) is { } type
                ? CalibrationStepResult.Refused(400, "not-calibratable", $"sensor '{sensorId}' ({type}) keeps no calibration; calibratable sensors: {Names()}",
                    ("sensor", sensorId), ("type", type))
                : CalibrationStepResult.Refused(404, "unknown-sensor", $"the kit has no sensor '{sensorId}'; calibratable sensors: {Names()}",
                    ("sensor", sensorId));
        }

        if ((request.Note?.Length ?? 0) > MaxNoteLength)
        {
            return CalibrationStepResult.Refused(400, "note-too-long", $"the note has {request.Note!.Length} characters; at most {MaxNoteLength}",
                ("length", Format(request.Note!.Length)), ("max", Format(MaxNoteLength)));
        }

        var planned = Plan(sensor, request);
        if (planned.Problem is { } problem)
        {
            return CalibrationStepResult.Refused(400, problem);
        }

        var now = _time.GetUtcNow();
        CalibrationSession session;
        lock (_gate)
        {
            SweepLocked(now);
            if (_sessions.Values.FirstOrDefault(s => s.IsOpen && s.Sensor.Id == sensor.Id) is { } busy)
            {
                return CalibrationStepResult.Refused(409, "sensor-busy",
                    $"a calibration of '{sensor.Id}' is already open (session {busy.Id}, started {busy.StartedAt:HH:mm:ss} UTC): finish or cancel it first",
                    ("sensor", sensor.Id), ("session", busy.Id));
            }

            session = new CalibrationSession(NewId(), sensor, planned.BufferSet, planned.References, request.Note, now)
            {
                Stability = NewStability(sensor),
                Live = _live.Latest(sensor.Id),
            };
            _sessions[session.Id] = session;
            _underCalibration.Begin(sensor.Id, _options.ReadInterval);
        }

        var plan = string.Join(", ", planned.References.Select(r => Format(r)));
        LogStarted(_logger, sensor.Id, session.Id, plan);
        return CalibrationStepResult.Done(View(session, now));
    }

    /// <summary>The session now; null when there is no such session (never was, or ended long enough ago to be forgotten).</summary>
    public CalibrationSessionView? Find(string sessionId)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            SweepLocked(now);
            return _sessions.TryGetValue(sessionId, out var session) ? View(session, now) : null;
        }
    }

    /// <summary>Ends the session without storing anything. Cancelling an ended session changes nothing.</summary>
    public CalibrationStepResult Cancel(string sessionId)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            SweepLocked(now);
            if (!_sessions.TryGetValue(sessionId, out var session))
            {
                return UnknownSession(sessionId);
            }

            if (session.IsOpen)
            {
                End(session, CalibrationSessionState.Cancelled, now);
                LogCancelled(_logger, session.Sensor.Id, session.Id);
            }

            return CalibrationStepResult.Done(View(session, now));
        }
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        _subscription.Dispose();
        lock (_gate)
        {
            foreach (var session in _sessions.Values.Where(s => s.IsOpen))
            {
                _underCalibration.End(session.Sensor.Id);
            }
        }
    }

    private const int MaxNoteLength = 500;

    private void OnSample(LiveSample sample)
    {
        lock (_gate)
        {
            foreach (var session in _sessions.Values)
            {
                if (!session.IsOpen || session.Sensor.Id != sample.SensorId || sample.Find(session.Sensor.RawQuantity)?.RawValue is not { } raw)
                {
                    continue;
                }

                session.Live = sample;
                session.Stability?.Add(raw);
            }
        }
    }

    private void Sweep()
    {
        lock (_gate)
        {
            SweepLocked(_time.GetUtcNow());
        }
    }

    /// <summary>Expires open sessions past their timeout and forgets ended ones after the same time again.</summary>
    private void SweepLocked(DateTimeOffset now)
    {
        foreach (var session in _sessions.Values.ToList())
        {
            if (session.IsOpen && now - session.LastStepAt >= _options.SessionTimeout)
            {
                End(session, CalibrationSessionState.Expired, now);
                LogExpired(_logger, session.Sensor.Id, session.Id, _options.SessionTimeout);
            }
            else if (!session.IsOpen && now - session.EndedAt >= _options.SessionTimeout)
            {
                _sessions.Remove(session.Id);
            }
        }
    }

    private void End(CalibrationSession session, CalibrationSessionState state, DateTimeOffset now)
    {
        session.State = state;
        session.EndedAt = now;
        session.Stability = null;
        _underCalibration.End(session.Sensor.Id);
    }

    private StableReading NewStability(CalibratableSensor sensor) =>
        new(_time, _options.StableWindow, sensor.Kind == CalibrationKind.Ph ? _options.PhStableWithinMillivolts : _options.EcStableWithinVolts);

    private string Names() => _sensors.All.Count == 0 ? "none in this kit" : string.Join(", ", _sensors.All.Select(s => s.Id));

    private static CalibrationStepResult UnknownSession(string sessionId) =>
        CalibrationStepResult.Refused(404, "unknown-session",
            $"no calibration session '{sessionId}': it never existed or ended too long ago; start a new one", ("session", sessionId));

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static string Format(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
