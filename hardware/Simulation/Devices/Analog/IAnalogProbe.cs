using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Analog;

/// <summary>A probe with an analog output, wired to an ADC input: its voltage for given conditions.</summary>
public interface IAnalogProbe
{
    /// <summary>Output voltage against ground, V.</summary>
    double Volts(EnvironmentConditions conditions);
}
