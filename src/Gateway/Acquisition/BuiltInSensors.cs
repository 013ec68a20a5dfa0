using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Calibration;
using SmartVillage.Plugins.Light;
using SmartVillage.Plugins.OneWire;
using SmartVillage.Plugins.Power;
using SmartVillage.Plugins.Quality;
using SmartVillage.Plugins.Sensirion;
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
    /// <summary>The types with the system clock and <c>data/</c> under the working directory: enough to validate a kit.</summary>
    public static IReadOnlyList<ISensorFactory> All { get; } =
        For("data", TimeProvider.System, new CalibrationFiles(null, PhSensorFactory.DefaultCalibrationFile));

    /// <summary>
    /// The types as the gateway runs them: edge timing and debouncing on <paramref name="time"/> (the clock the
    /// simulated devices follow too), and state that must survive a restart in <paramref name="dataFolder"/>, beside
    /// the reading database: rain totals, and the pH and EC calibrations (<paramref name="calibrations"/>, one store
    /// per file, shared by every sensor and by the calibration sessions; by default in the same folder).
    /// </summary>
    public static IReadOnlyList<ISensorFactory> For(string dataFolder, TimeProvider time, CalibrationFiles? calibrations = null) =>
        [.. Drivers(dataFolder, calibrations ?? new CalibrationFiles(dataFolder), time).Select(f => new QualityCheckedFactory(f, time))];

    private static IReadOnlyList<ISensorFactory> Drivers(string dataFolder, CalibrationFiles calibrations, TimeProvider time) =>
    [
        new Bme280SensorFactory(),
        new Sht3xSensorFactory(),
        new Sht4xSensorFactory(),
        new Bh1750SensorFactory(),
        new Ina219SensorFactory(),
        new WindVaneSensorFactory(),
        new RainGaugeSensorFactory(time, dataFolder),
        new AnemometerSensorFactory(time),
        new CapacitiveSoilMoistureSensorFactory(),
        new Ds18b20SensorFactory(),
        new ModbusSoilProbeSensorFactory(time),
        new PhSensorFactory(calibrations, time),
        new EcSensorFactory(calibrations, time),
        new TurbiditySensorFactory(),
        new UltrasonicLevelSensorFactory(time),
        new FloatSwitchSensorFactory(time),
    ];
}
