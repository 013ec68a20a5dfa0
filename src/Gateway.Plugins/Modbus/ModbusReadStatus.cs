namespace SmartVillage.Plugins.Modbus;

/// <summary>How a register read ended. Everything but <see cref="Success"/> is an expected failure of a field bus.</summary>
public enum ModbusReadStatus
{
    Success,

    /// <summary>No complete answer within the response timeout (probe unpowered, wrong address or baud, A/B swapped).</summary>
    Timeout,

    /// <summary>An answer arrived but its CRC did not match (noise, missing termination).</summary>
    CrcError,

    /// <summary>The server answered with an exception code instead of data.</summary>
    ExceptionResponse,

    /// <summary>The bytes were not the answer to this request (another unit, another function, wrong length).</summary>
    MalformedResponse,
}
