using SmartVillage.Hardware.Simulation.EnvironmentModel;
using SmartVillage.Hardware.Simulation.Serial;

namespace SmartVillage.Hardware.Simulation.Devices.Ultrasonic;

/// <summary>
/// A DFRobot A02YYUW waterproof ultrasonic sensor in UART controlled mode (9600 8N1), mounted looking down into the
/// tank: every byte the host sends triggers one measurement, answered with the 4-byte frame
/// <c>FF, distance high, distance low, checksum</c> (distance in mm, checksum = low byte of the sum of the first three).
/// </summary>
public sealed class A02yyuwModel : ISerialDeviceModel
{
    private readonly SimulatedEnvironment _environment;

    public A02yyuwModel(SimulatedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
    }

    public int BaudRate => 9600;

    /// <summary>Distance from the sensor face to the tank bottom, m. Default 2.0.</summary>
    public double MountHeightMetres { get; init; } = 2.0;

    /// <summary>When true, the frame's checksum byte is corrupted (noise on the line).</summary>
    public bool CorruptChecksum { get; set; }

    /// <summary>When true, the sensor stays silent (unpowered, TX/RX swapped).</summary>
    public bool Silent { get; set; }

    public static byte[] Frame(int millimetres)
    {
        var high = (byte)(millimetres >> 8);
        var low = (byte)millimetres;
        return [0xFF, high, low, (byte)(0xFF + high + low)];
    }

    public void Receive(ReadOnlySpan<byte> data, Action<ReadOnlyMemory<byte>> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (Silent || data.IsEmpty)
        {
            return;
        }

        var distance = MountHeightMetres - _environment.Current.WaterLevelMetres;
        var frame = Frame((int)Math.Round(distance * 1000));
        if (CorruptChecksum)
        {
            frame[3] ^= 0x01;
        }

        reply(frame);
    }
}
