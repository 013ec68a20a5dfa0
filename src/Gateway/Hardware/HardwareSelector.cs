using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Acquisition.Plugins;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Abstractions.Simulation;

namespace SmartVillage.Gateway.Hardware;

/// <summary>Chooses real or simulated buses for the kit, and places the simulated devices where the kit says.</summary>
public static class HardwareSelector
{
    /// <exception cref="KitConfigurationException">The simulation cannot provide what the kit asks for.</exception>
    public static IHardware Select(KitOptions kit, string kitPath, TimeProvider time, SensorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(kit);
        var simulated = kit.Hardware == HardwareMode.Simulated || (kit.Hardware == HardwareMode.Auto && !RaspberryPiHardware.IsPresent());
        if (!simulated)
        {
            return new RaspberryPiHardware();
        }

        if (!SimulatedKit.Scenarios.Contains(kit.Scenario, StringComparer.Ordinal))
        {
            throw new KitConfigurationException(kitPath,
                [$"Kit:Scenario: unknown scenario '{kit.Scenario}'; use one of {string.Join(", ", SimulatedKit.Scenarios)}"]);
        }

        var hardware = new SimulatedKit(kit.Scenario, time);
        if (kit.Radio is { } radio)
        {
            hardware.DeclareLoRaRadio(radio.SpiBus, radio.ChipSelect, radio.ResetPin, radio.Dio0Pin, (byte)radio.Simulation.Version);
        }

        var problems = kit.Sensors
            .Select((sensor, i) => (Key: $"Kit:Sensors:{i}", Problem: registry.FromPlugin(sensor.Type) is { } plugged
                ? AttachDescribed(hardware, sensor, plugged)
                : hardware.Attach(sensor)))
            .Where(x => x.Problem is not null)
            .Select(x => $"{x.Key}: {x.Problem}")
            .ToList();
        return problems.Count > 0 ? throw new KitConfigurationException(kitPath, problems) : hardware;
    }

    /// <summary>Places the device a plugin's sensor type describes through the contract.</summary>
    private static string? AttachDescribed(SimulatedKit hardware, SensorDefinition sensor, PluginSensorType plugged)
    {
        if (plugged.Factory is not ISimulatedSensorFactory simulated)
        {
            return $"no simulated device for sensor type '{sensor.Type}': plugin {plugged.Plugin} ({plugged.Path}) describes none; " +
                "run this kit on real hardware (Hardware: RaspberryPi) or add ISimulatedSensorFactory to the plugin";
        }

        SimulatedDevice? device;
        try
        {
            device = simulated.Simulate(sensor, hardware.Conditions);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return $"plugin {plugged.Plugin} ({plugged.Path}) could not describe its simulated device: {exception.GetType().Name}: {exception.Message}";
        }

        return device is null
            ? $"plugin {plugged.Plugin} ({plugged.Path}) described no simulated device for sensor type '{sensor.Type}'"
            : hardware.Attach(sensor, device);
    }
}
