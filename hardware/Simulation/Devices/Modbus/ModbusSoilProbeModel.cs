using System.Buffers.Binary;
using SmartVillage.Hardware.Simulation.EnvironmentModel;
using SmartVillage.Hardware.Simulation.Serial;

namespace SmartVillage.Hardware.Simulation.Devices.Modbus;

/// <summary>
/// A common RS485 7-in-1 soil probe (JXBS-3001 / ComWinTop type) as a Modbus RTU server: holding and input registers
/// 0x0000-0x0006 hold moisture (0.1 %), temperature (0.1 °C, signed), conductivity (1 µS/cm), pH (0.1), N, P, K
/// (1 mg/kg), measured from the environment when a request arrives. Frames per Modbus over Serial Line V1.02 §2.5.1.
/// </summary>
public sealed class ModbusSoilProbeModel : ISerialDeviceModel
{
    public const int DefaultBaudRate = 4800;
    public const int RegisterCount = 7;

    private readonly SimulatedEnvironment _environment;
    private readonly List<byte> _request = [];

    public ModbusSoilProbeModel(SimulatedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
    }

    public byte UnitAddress { get; init; } = 1;

    public int BaudRate { get; init; } = DefaultBaudRate;

    public ModbusProbeFault Fault { get; set; }

    /// <summary>Requests answered (including exception answers); a test can tell a fresh answer from none.</summary>
    public int Answers { get; private set; }

    /// <summary>The seven registers for the current conditions.</summary>
    public ushort[] Registers()
    {
        var now = _environment.Current;
        return
        [
            (ushort)Math.Round(now.SoilMoistureVwc * 1000),
            (ushort)(short)Math.Round(now.SoilTemperatureCelsius * 10),
            (ushort)Math.Round(now.SoilConductivityMicrosiemensPerCentimetre),
            (ushort)Math.Round(now.SoilPh * 10),
            (ushort)Math.Round(now.SoilNitrogenMilligramsPerKilogram),
            (ushort)Math.Round(now.SoilPhosphorusMilligramsPerKilogram),
            (ushort)Math.Round(now.SoilPotassiumMilligramsPerKilogram),
        ];
    }

    public void Receive(ReadOnlySpan<byte> data, Action<ReadOnlyMemory<byte>> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        _request.AddRange(data.ToArray());
        while (_request.Count >= 8)
        {
            var frame = _request.GetRange(0, 8).ToArray();
            _request.RemoveRange(0, 8);
            if (Answer(frame) is { } answer)
            {
                Answers++;
                reply(answer);
            }
        }
    }

    private byte[]? Answer(byte[] request)
    {
        // §2.4.1: a server ignores a frame with a bad CRC or another unit's address.
        if (Crc(request.AsSpan(0, 6)) != BinaryPrimitives.ReadUInt16LittleEndian(request.AsSpan(6)) || request[0] != UnitAddress)
        {
            return null;
        }

        var function = request[1];
        var start = BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(2));
        var count = BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(4));
        switch (Fault)
        {
            case ModbusProbeFault.NoAnswer:
                return null;
            case ModbusProbeFault.Garbage:
                return [0x00, 0xFF, 0x13, 0x37, 0xFF, 0x00, 0xAA];
            case ModbusProbeFault.ExceptionResponse:
                return Framed([UnitAddress, (byte)(function | 0x80), 0x04]);
            default:
                break;
        }

        if (function is not (0x03 or 0x04))
        {
            return Framed([UnitAddress, (byte)(function | 0x80), 0x01]); // Illegal function.
        }

        if (count is 0 or > RegisterCount || start + count > RegisterCount)
        {
            return Framed([UnitAddress, (byte)(function | 0x80), 0x02]); // Illegal data address.
        }

        var registers = Registers();
        var frame = new byte[3 + (2 * count)];
        frame[0] = UnitAddress;
        frame[1] = function;
        frame[2] = (byte)(2 * count);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(3 + (2 * i)), registers[start + i]);
        }

        var answer = Framed(frame);
        if (Fault == ModbusProbeFault.CrcError)
        {
            answer[^1] ^= 0xFF;
        }

        return answer;
    }

    private static byte[] Framed(byte[] body)
    {
        var frame = new byte[body.Length + 2];
        body.CopyTo(frame, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(body.Length), Crc(body));
        return frame;
    }

    /// <summary>CRC-16/MODBUS (polynomial 0xA001 reflected, initial 0xFFFF), sent low byte first (§6.2.2).</summary>
    public static ushort Crc(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }
}
