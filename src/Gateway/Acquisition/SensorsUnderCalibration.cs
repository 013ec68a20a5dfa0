using System.Collections.Concurrent;

namespace SmartVillage.Gateway.Acquisition;

/// <summary>
/// Sensors whose probe is out of the water for a calibration. Their readings are still stored and forwarded, flagged
/// <c>Calibrating</c> (a pH 4.01 buffer is not the tank going acid), and they are read more often while it lasts so the
/// technician sees the probe settle.
/// </summary>
public sealed class SensorsUnderCalibration
{
    private readonly ConcurrentDictionary<string, TimeSpan> _sensors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _wakes = new(StringComparer.Ordinal);

    /// <param name="readInterval">Read at least this often until <see cref="End"/>; a poller waiting out a longer interval is woken.</param>
    public void Begin(string sensorId, TimeSpan readInterval)
    {
        _sensors[sensorId] = readInterval;
        // Cancelled sources are not disposed: a poller may still be linking to the token it was handed.
        if (_wakes.TryRemove(sensorId, out var wake))
        {
            wake.Cancel();
        }
    }

    /// <summary>Cancelled when a calibration of <paramref name="sensorId"/> begins, so its poller reads at once.</summary>
    public CancellationToken WakeToken(string sensorId) => _wakes.GetOrAdd(sensorId, _ => new CancellationTokenSource()).Token;

    public void End(string sensorId) => _sensors.TryRemove(sensorId, out _);

    public bool Contains(string sensorId) => _sensors.ContainsKey(sensorId);

    /// <summary>The interval to read <paramref name="sensorId"/> at: its own, or shorter while it is calibrated.</summary>
    public TimeSpan IntervalFor(string sensorId, TimeSpan normal) =>
        _sensors.TryGetValue(sensorId, out var fast) && fast < normal ? fast : normal;
}
