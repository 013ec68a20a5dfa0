using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Analog;

/// <summary>
/// A DFRobot SEN0189-style turbidity board at 5 V: NTU = −1120.4·V² + 5742.3·V − 4352.9 on its 2.5-4.2 V branch
/// (clear water ≈ 4.2 V), read through a 2:3 resistor divider so the ADS1115 input stays below 3.3 V.
/// </summary>
public sealed class TurbidityProbe : IAnalogProbe
{
    /// <summary>Divider ratio: board volts = ADC volts × this. Default 1.5 (10 kΩ over 20 kΩ).</summary>
    public double DividerRatio { get; init; } = 1.5;

    public double Volts(EnvironmentConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        // Solve −1120.4 V² + 5742.3 V − (4352.9 + NTU) = 0 for the upper (falling) branch.
        const double a = -1120.4, b = 5742.3;
        var c = -4352.9 - conditions.WaterTurbidityNtu;
        var discriminant = Math.Max(0, (b * b) - (4 * a * c));
        var boardVolts = (-b - Math.Sqrt(discriminant)) / (2 * a);
        return Math.Min(boardVolts, 4.2) / DividerRatio;
    }
}
