namespace SmartVillage.Hardware.Simulation.Devices.Modbus;

/// <summary>Something wrong with a simulated Modbus probe or its RS485 line, switched on by a test.</summary>
public enum ModbusProbeFault
{
    None,

    /// <summary>The probe is silent (unpowered, wrong address, A/B swapped).</summary>
    NoAnswer,

    /// <summary>The answer's CRC does not match its bytes (noise on a long unterminated line).</summary>
    CrcError,

    /// <summary>The probe answers with exception 04, server device failure (its sensing element failed).</summary>
    ExceptionResponse,

    /// <summary>The answer is bytes that are not a Modbus frame (another device talking, a baud-rate mix-up).</summary>
    Garbage,
}
