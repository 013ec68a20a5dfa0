using SmartVillage.Plugins.Abstractions.Simulation;

namespace SmartVillage.Hardware.Simulation.Buses;

/// <summary>A chip described through the plugin contract, placed on a <see cref="SimulatedI2cBus"/> like the kit's own models.</summary>
public sealed class DescribedChip(II2cChipModel model) : II2cDeviceModel
{
    public II2cChipModel Model { get; } = model;

    public void Write(ReadOnlySpan<byte> data) => Model.Write(data);

    public void Read(Span<byte> buffer) => Model.Read(buffer);
}
