using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Analog;

/// <summary>
/// A probe described through the plugin contract: its voltage comes from the sensor type's own function, which reads
/// the world through <see cref="SimulatedKit.Conditions"/> rather than from the conditions handed in here.
/// </summary>
public sealed class DescribedProbe(Func<double> volts) : IAnalogProbe
{
    public double Volts(EnvironmentConditions conditions) => volts();
}
