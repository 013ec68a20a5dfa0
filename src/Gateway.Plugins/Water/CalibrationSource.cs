using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Plugins.Water;

/// <summary>Where a sensor finds its newest calibration, and when that calibration counts as due.</summary>
/// <param name="SensorId">The sensor's id in the kit: the key its calibrations are stored under.</param>
/// <param name="Store">Read on every reading, so a calibration applied now is used from the next reading on.</param>
/// <param name="DueAfter">Older calibrations flag readings <c>CalibrationDue</c>.</param>
/// <param name="Time">The clock ages are judged by.</param>
public sealed record CalibrationSource(string SensorId, CalibrationStore Store, TimeSpan DueAfter, TimeProvider Time);
