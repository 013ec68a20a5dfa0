namespace SmartVillage.Plugins.Abstractions.Simulation;

/// <summary>
/// A chip as the I2C bus sees it: the bytes of each write transfer in, the bytes of each read transfer out. The
/// simulated bus does the addressing, serialises transfers (no locking needed here) and injects NACKs and corrupt
/// data when a test asks for them. A register chip keeps a register pointer: the first byte written selects a
/// register, further bytes are written from there on, and reads continue from the pointer.
/// </summary>
public interface II2cChipModel
{
    /// <summary>One write transfer (START, address+W, <paramref name="data"/>, STOP).</summary>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>One read transfer (START, address+R, fill <paramref name="buffer"/>, STOP).</summary>
    void Read(Span<byte> buffer);
}
