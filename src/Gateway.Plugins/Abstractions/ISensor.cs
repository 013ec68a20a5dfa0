namespace SmartVillage.Plugins.Abstractions;

/// <summary>
/// A configured sensor. The gateway calls <see cref="ReadAsync"/> from one task per sensor, never concurrently,
/// on the sensor's own interval. A sensor reports expected failures as <see cref="SensorSample.Failure"/>;
/// anything it throws is treated the same way and the sensor is retried with backoff.
/// </summary>
public interface ISensor : IDisposable
{
    ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken);
}
