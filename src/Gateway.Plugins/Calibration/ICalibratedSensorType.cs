using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// A sensor type whose readings rest on a stored calibration. The gateway's calibration sessions use it to find the
/// sensors of a kit they can calibrate, the store those sensors read their calibration from, and which reading carries
/// the raw value a calibration point is taken from.
/// </summary>
public interface ICalibratedSensorType
{
    CalibrationKind CalibrationKind { get; }

    /// <summary>The quantity whose <see cref="Measurement.RawValue"/> a calibration point records (<c>ph</c>, <c>conductivity</c>).</summary>
    string RawQuantity { get; }

    /// <summary>The store <paramref name="definition"/>'s sensor reads its calibration from (the same instance).</summary>
    /// <exception cref="CalibrationStoreException">The file exists but is damaged.</exception>
    CalibrationStore StoreFor(SensorDefinition definition);

    /// <summary>Age after which the sensor's readings are flagged <see cref="ReadingQuality.CalibrationDue"/>.</summary>
    TimeSpan DueAfter(SensorDefinition definition);

    /// <summary>
    /// The temperature the sensor compensates with when its readings carry no measured <c>temperature</c> (no
    /// thermometer configured, or it failed): what a calibration point must be computed with, too.
    /// </summary>
    double FallbackCelsius(SensorDefinition definition);
}
