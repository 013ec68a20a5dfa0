using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Calibration;
using SmartVillage.Plugins.Tests.Support;
using SmartVillage.Plugins.Water;

namespace SmartVillage.Plugins.Tests.Water;

/// <summary>
/// The water-quality kit in the simulation: pH on AIN0, EC on AIN1, turbidity on AIN2 of an ADS1115 at 0x48, and a
/// DS18B20 in the same water for temperature compensation. Calibrations go to a file in a temp folder.
/// </summary>
public sealed class WaterKit : IDisposable
{
    public const string ThermometerId = "28-0000000000a1";
    private readonly TempFolder _folder = new();

    public WaterKit(string scenario = "clear-day")
    {
        Kit = new SimulatedKit(scenario, Time);
        Calibrations = new CalibrationStore(_folder.File("calibrations.json"));
        Assert.Null(Kit.Attach(Thermometer));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public SimulatedKit Kit { get; }

    public CalibrationStore Calibrations { get; }

    public string CalibrationFile => _folder.File("calibrations.json");

    public SensorDefinition Thermometer { get; } = Define("water-temp", "ds18b20", ("DeviceId", ThermometerId), ("Medium", "water"));

    public static SensorDefinition Define(string id, string type, params (string Key, string Value)[] settings)
    {
        var definition = new SensorDefinition { Id = id, Type = type, Bus = 1, Address = 0x48 };
        foreach (var (key, value) in settings)
        {
            definition.Settings[key] = value;
        }

        return definition;
    }

    public PhSensor AttachPh(string id = "tank-ph", params (string Key, string Value)[] extra)
    {
        var definition = Define(id, "ads1115-ph", [("Channel", "0"), ("TemperatureDeviceId", ThermometerId), .. extra]);
        return (PhSensor)Attach(new PhSensorFactory(Calibrations, Time), definition);
    }

    public EcSensor AttachEc(string id = "tank-ec", params (string Key, string Value)[] extra)
    {
        var definition = Define(id, "ads1115-ec", [("Channel", "1"), ("TemperatureDeviceId", ThermometerId), .. extra]);
        return (EcSensor)Attach(new EcSensorFactory(Calibrations, Time), definition);
    }

    public ISensor Attach(ISensorFactory factory, SensorDefinition definition)
    {
        Assert.Empty(factory.Validate(definition));
        Assert.Null(Kit.Attach(definition));
        return factory.Create(definition, Kit);
    }

    public void Dispose()
    {
        Kit.Model<Hardware.Simulation.Devices.Ds18b20.Ds18b20Model>("water-temp").Dispose();
        _folder.Dispose();
    }
}
