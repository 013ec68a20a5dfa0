using SmartVillage.Hardware.Simulation.Buses;

namespace SmartVillage.Plugins.Tests.Support;

/// <summary>
/// A chip that answers every read with fixed bytes and accepts any write: for feeding a driver a datasheet's worked
/// example byte for byte, where a modelled chip would compute its own.
/// </summary>
public sealed class ScriptedI2cChip(params byte[] response) : II2cDeviceModel
{
    public List<byte[]> Writes { get; } = [];

    public void Write(ReadOnlySpan<byte> data) => Writes.Add(data.ToArray());

    public void Read(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = i < response.Length ? response[i] : (byte)0xFF;
        }
    }
}
