using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Weather;

namespace SmartVillage.Gateway.Acquisition;

/// <summary>The sensor types that ship with the gateway.</summary>
public static class BuiltInSensors
{
    public static IReadOnlyList<ISensorFactory> All { get; } =
    [
        new Bme280SensorFactory(),
    ];
}
