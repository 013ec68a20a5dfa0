using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.OneWire;
using SmartVillage.Plugins.Soil;
using SmartVillage.Plugins.Water;
using SmartVillage.Plugins.Weather;

namespace SmartVillage.Gateway.Acquisition;

/// <summary>The sensor types that ship with the gateway.</summary>
public static class BuiltInSensors
{
    public static IReadOnlyList<ISensorFactory> All { get; } =
    [
        new Bme280SensorFactory(),
        new WindVaneSensorFactory(),
        new RainGaugeSensorFactory(),
        new CapacitiveSoilMoistureSensorFactory(),
        new Ds18b20SensorFactory(),
        new ModbusSoilProbeSensorFactory(),
        new PhSensorFactory(),
        new EcSensorFactory(),
        new TurbiditySensorFactory(),
    ];
}
