using SmartVillage.Gateway.Configuration;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Hardware;

/// <summary>Chooses real or simulated buses for the kit, and places the simulated devices where the kit says.</summary>
public static class HardwareSelector
{
    /// <exception cref="KitConfigurationException">The simulation cannot provide what the kit asks for.</exception>
    public static IHardware Select(KitOptions kit, string kitPath, TimeProvider time)
    {
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
            .Select((sensor, i) => (Key: $"Kit:Sensors:{i}", Problem: hardware.Attach(sensor)))
            .Where(x => x.Problem is not null)
            .Select(x => $"{x.Key}: {x.Problem}")
            .ToList();
        return problems.Count > 0 ? throw new KitConfigurationException(kitPath, problems) : hardware;
    }
}
