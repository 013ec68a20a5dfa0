namespace SmartVillage.Plugins.Abstractions.Simulation;

/// <summary>A chip on the I2C bus; made by <see cref="SimulatedDevice.I2cChip"/>.</summary>
public sealed class SimulatedI2cChip : SimulatedDevice
{
    internal SimulatedI2cChip(II2cChipModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
    }

    public II2cChipModel Model { get; }
}
