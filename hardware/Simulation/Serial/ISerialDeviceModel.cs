namespace SmartVillage.Hardware.Simulation.Serial;

/// <summary>A device on a serial line (UART or RS485) at frame level: bytes in from the host, bytes out to it.</summary>
public interface ISerialDeviceModel
{
    /// <summary>The line speed the device is set to; a host at another speed is heard as noise and ignored.</summary>
    int BaudRate { get; }

    /// <summary>The host sent <paramref name="data"/>; whatever the device answers is passed to <paramref name="reply"/>.</summary>
    void Receive(ReadOnlySpan<byte> data, Action<ReadOnlyMemory<byte>> reply);
}
