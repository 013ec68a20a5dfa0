namespace SmartVillage.Hardware.Simulation.Buses;

/// <summary>
/// A device model as the I2C bus sees it: it receives the bytes of a write transfer and supplies the bytes of a
/// read transfer. Addressing, NACKs and injected faults are the bus's business, not the model's.
/// </summary>
public interface II2cDeviceModel
{
    /// <summary>One write transfer (START, address+W, <paramref name="data"/>, STOP).</summary>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>One read transfer (START, address+R, fill <paramref name="buffer"/>, STOP).</summary>
    void Read(Span<byte> buffer);
}
