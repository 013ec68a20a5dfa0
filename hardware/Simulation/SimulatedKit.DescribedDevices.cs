using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.Devices.Analog;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Abstractions.Simulation;

namespace SmartVillage.Hardware.Simulation;

/// <summary>
/// Devices the kit has no model of its own for, described by their sensor type through the plugin contract
/// (<see cref="ISimulatedSensorFactory"/>): placed on the same buses as the kit's own models and following the same world.
/// </summary>
public sealed partial class SimulatedKit
{
    /// <summary>Places a device a sensor type described, where <paramref name="definition"/> says it is wired.</summary>
    /// <returns>Null when attached; otherwise why it cannot be placed, naming the key.</returns>
    public string? Attach(SensorDefinition definition, SimulatedDevice device)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(device);
        return device switch
        {
            SimulatedAds1115Probe probe => AttachAnalog(definition, new DescribedProbe(probe.Volts)),
            SimulatedI2cChip chip => AttachI2c(definition, () => new DescribedChip(chip.Model)),
            _ => $"Type: the simulated kit cannot place a {device.GetType().Name}",
        };
    }

    /// <summary>The world now, as the plugin contract describes it.</summary>
    public SimulatedConditions Conditions()
    {
        var now = Environment.Current;
        return new SimulatedConditions
        {
            Time = now.Time,
            AirTemperatureCelsius = now.AirTemperatureCelsius,
            RelativeHumidityPercent = now.RelativeHumidityPercent,
            PressurePascals = now.PressurePascals,
            RainRateMillimetresPerHour = now.RainRateMillimetresPerHour,
            WindSpeedMetresPerSecond = now.WindSpeedMetresPerSecond,
            IlluminanceLux = now.IlluminanceLux,
            SoilMoistureVwc = now.SoilMoistureVwc,
            SoilTemperatureCelsius = now.SoilTemperatureCelsius,
            WaterTemperatureCelsius = now.WaterTemperatureCelsius,
        };
    }
}
