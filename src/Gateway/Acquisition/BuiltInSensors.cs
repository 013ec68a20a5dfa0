using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Calibration;
using SmartVillage.Plugins.OneWire;
using SmartVillage.Plugins.Quality;
using SmartVillage.Plugins.Soil;
using SmartVillage.Plugins.Water;
using SmartVillage.Plugins.Weather;

namespace SmartVillage.Gateway.Acquisition;

/// <summary>
/// The sensor types that ship with the gateway, each with the kit file's data-quality checks
/// (<c>&lt;quantity&gt;.Min/.Max/.MaxChangePerMinute/.StuckAfterMinutes</c> settings).
/// </summary>
public static class BuiltInSensors
{
    /// <summary>The types with calibrations kept in <c>data/calibrations.json</c> under the working directory.</summary>
    public static IReadOnlyList<ISensorFactory> All { get; } = Create(new CalibrationFiles(null, PhSensorFactory.DefaultCalibrationFile), TimeProvider.System);

    /// <summary>
    /// The types, with the pH and EC sensors keeping their calibrations in <paramref name="calibrations"/> (one store
    /// per file, shared by every sensor and by the calibration sessions).
    /// </summary>
    public static IReadOnlyList<ISensorFactory> Create(CalibrationFiles calibrations, TimeProvider time) =>
        [.. Drivers(calibrations, time).Select(f => new QualityCheckedFactory(f, time))];

    private static IReadOnlyList<ISensorFactory> Drivers(CalibrationFiles calibrations, TimeProvider time) =>
    [
        new Bme280SensorFactory(),
        new WindVaneSensorFactory(),
        new RainGaugeSensorFactory(),
        new AnemometerSensorFactory(),
        new CapacitiveSoilMoistureSensorFactory(),
        new Ds18b20SensorFactory(),
        new ModbusSoilProbeSensorFactory(),
        new PhSensorFactory(calibrations, time),
        new EcSensorFactory(calibrations, time),
        new TurbiditySensorFactory(),
        new UltrasonicLevelSensorFactory(),
    ];
}
