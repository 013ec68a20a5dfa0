using SmartVillage.Plugins.Abstractions;
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
    public static IReadOnlyList<ISensorFactory> All { get; } = [.. Drivers.Select(f => new QualityCheckedFactory(f))];

    private static IReadOnlyList<ISensorFactory> Drivers =>
    [
        new Bme280SensorFactory(),
        new WindVaneSensorFactory(),
        new RainGaugeSensorFactory(),
        new AnemometerSensorFactory(),
        new CapacitiveSoilMoistureSensorFactory(),
        new Ds18b20SensorFactory(),
        new ModbusSoilProbeSensorFactory(),
        new PhSensorFactory(),
        new EcSensorFactory(),
        new TurbiditySensorFactory(),
        new UltrasonicLevelSensorFactory(),
    ];
}
