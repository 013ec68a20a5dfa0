namespace SmartVillage.Plugins.Abstractions.Simulation;

/// <summary>
/// Implemented next to <see cref="ISensorFactory"/> by a sensor type that can also run in a kit with no hardware
/// attached (the demo, CI, a plugin's own tests). The gateway's simulated kit asks for the device a definition's
/// sensor talks to and places it where the definition says it is wired; the sensor's real driver code then reads it
/// over the same <see cref="IHardware"/> seam as on a Raspberry Pi.
/// </summary>
/// <remarks>
/// A kit that uses a type without this interface runs only on real hardware: in a simulated kit the gateway refuses
/// it at start, naming the sensor ("no simulated device for sensor type ...").
/// </remarks>
public interface ISimulatedSensorFactory
{
    /// <summary>The device model for one sensor. Called once per sensor, at start, for definitions that passed validation.</summary>
    /// <param name="definition">The sensor as the kit file describes it (bus, address, settings).</param>
    /// <param name="world">
    /// The simulated world now, by the gateway's clock; call it on every read so the model follows the scenario and
    /// agrees with every other simulated sensor of the kit.
    /// </param>
    SimulatedDevice Simulate(SensorDefinition definition, Func<SimulatedConditions> world);
}
