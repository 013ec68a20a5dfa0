using SmartVillage.Gateway.Acquisition;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Calibration;

/// <summary>
/// The state of one session. Not thread-safe on its own: <see cref="CalibrationSessions"/> changes and reads it under
/// its one lock.
/// </summary>
internal sealed class CalibrationSession(
    string id, CalibratableSensor sensor, PhBufferSet? bufferSet, IReadOnlyList<double> plan, string? note, DateTimeOffset startedAt)
{
    public string Id { get; } = id;

    public CalibratableSensor Sensor { get; } = sensor;

    /// <summary>The buffer set of a pH session; null for EC.</summary>
    public PhBufferSet? BufferSet { get; } = bufferSet;

    /// <summary>References in the order to measure them.</summary>
    public IReadOnlyList<double> Plan { get; } = plan;

    public string? Note { get; } = note;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset LastStepAt { get; set; } = startedAt;

    /// <summary>When the session was applied, cancelled or expired.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public CalibrationSessionState State { get; set; } = CalibrationSessionState.Measuring;

    public bool IsOpen => State is CalibrationSessionState.Measuring or CalibrationSessionState.Computed;

    /// <summary>Recorded points by planned reference.</summary>
    public Dictionary<double, CalibrationPoint> Points { get; } = [];

    /// <summary>Fed with the raw value of every reading since the session started or the last point was recorded.</summary>
    public StableReading? Stability { get; set; }

    public LiveSample? Live { get; set; }

    public CalibrationRecord? Accepted { get; set; }

    public CalibrationRefusal? Refusal { get; set; }

    public string? AppliedId { get; set; }

    /// <summary>The first planned reference not recorded yet; null when all are.</summary>
    public double? Next => Plan.Where(r => !Points.ContainsKey(r)).Select(r => (double?)r).FirstOrDefault();
}
