using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Quality;

/// <summary>Any sensor, with its readings passed through a <see cref="QualityMonitor"/>.</summary>
public sealed class QualityCheckedSensor : ISensor
{
    private readonly ISensor _inner;
    private readonly QualityMonitor _monitor;

    public QualityCheckedSensor(ISensor inner, QualityMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(monitor);
        _inner = inner;
        _monitor = monitor;
    }

    /// <summary>The wrapped driver (for operations beyond reading, such as a pH calibration).</summary>
    public ISensor Inner => _inner;

    public async ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken) =>
        _monitor.Check(await _inner.ReadAsync(cancellationToken).ConfigureAwait(false));

    public void Dispose() => _inner.Dispose();
}
