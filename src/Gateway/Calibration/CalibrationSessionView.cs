using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Calibration;

/// <summary>A calibration session as the API shows it, at one moment.</summary>
/// <param name="Id">The session's id, for its endpoints.</param>
/// <param name="Sensor">The sensor being calibrated.</param>
/// <param name="Kind"><c>ph</c> or <c>ec</c>.</param>
/// <param name="BufferSet">The pH buffer set (<c>technical</c>, <c>nist</c>); null for EC.</param>
/// <param name="Plan">The references in the order to measure them: buffer pH, or standard µS/cm at 25 °C.</param>
/// <param name="Next">The first planned reference not recorded yet; null when all are.</param>
/// <param name="State"><c>measuring</c>, <c>computed</c>, <c>applied</c>, <c>cancelled</c> or <c>expired</c>.</param>
/// <param name="StartedAt">When the session started.</param>
/// <param name="ExpiresAt">When it ends by itself unless a step is taken; null once it has ended.</param>
/// <param name="Note">The operator's note, stored with the calibration.</param>
/// <param name="Live">The probe's newest reading and how settled it is; null before the first reading.</param>
/// <param name="Points">The points recorded so far, in plan order.</param>
/// <param name="Result">What computing gave; null until computed.</param>
/// <param name="AppliedId">The id of the calibration applied by this session.</param>
public sealed record CalibrationSessionView(
    string Id,
    string Sensor,
    string Kind,
    string? BufferSet,
    IReadOnlyList<double> Plan,
    double? Next,
    string State,
    DateTimeOffset StartedAt,
    DateTimeOffset? ExpiresAt,
    string? Note,
    LiveRawView? Live,
    IReadOnlyList<CalibrationPoint> Points,
    CalibrationResultView? Result,
    string? AppliedId);

/// <summary>The probe's newest reading during a session.</summary>
/// <param name="Raw">The raw value (electrode mV, board V).</param>
/// <param name="RawUnit"><c>mV</c> or <c>V</c>.</param>
/// <param name="Value">The calibrated value with the calibration in force now (pH, S/m).</param>
/// <param name="Unit">Unit of <paramref name="Value"/>.</param>
/// <param name="TemperatureCelsius">The compensation temperature of that reading.</param>
/// <param name="At">When it was read.</param>
/// <param name="Fresh">False when it is older than <see cref="CalibrationOptions.StaleAfter"/>: the sensor stopped answering.</param>
/// <param name="SensorError">Why the sensor's last read failed, when it failed after this reading.</param>
/// <param name="Stable">True when a point can be recorded now.</param>
/// <param name="SteadySeconds">How long the raw value has stayed within <paramref name="Tolerance"/>.</param>
/// <param name="WindowSeconds">How long it must stay within it.</param>
/// <param name="Spread">Highest minus lowest raw value over the window.</param>
/// <param name="Tolerance">The spread allowed, in <paramref name="RawUnit"/>.</param>
public sealed record LiveRawView(
    double Raw,
    string RawUnit,
    double Value,
    string Unit,
    double TemperatureCelsius,
    DateTimeOffset At,
    bool Fresh,
    string? SensorError,
    bool Stable,
    double SteadySeconds,
    double WindowSeconds,
    double Spread,
    double Tolerance);

/// <summary>A computed calibration and whether it passed; the reason when it did not.</summary>
public sealed record CalibrationResultView(bool Accepted, CalibrationRefusal? Refusal, CalibrationRecordView? Calibration);
