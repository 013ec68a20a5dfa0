namespace SmartVillage.Plugins.Modbus;

/// <summary>The registers read, or why there are none. A failure never carries registers, so none can be stale.</summary>
public sealed class ModbusReadResult
{
    private ModbusReadResult(ModbusReadStatus status, IReadOnlyList<ushort> registers, ModbusExceptionCode? exceptionCode, string? detail)
    {
        Status = status;
        Registers = registers;
        ExceptionCode = exceptionCode;
        Detail = detail;
    }

    public ModbusReadStatus Status { get; }

    public bool IsSuccess => Status == ModbusReadStatus.Success;

    /// <summary>The registers in order from the start address; empty unless <see cref="IsSuccess"/>.</summary>
    public IReadOnlyList<ushort> Registers { get; }

    /// <summary>The server's exception code when <see cref="Status"/> is <see cref="ModbusReadStatus.ExceptionResponse"/>.</summary>
    public ModbusExceptionCode? ExceptionCode { get; }

    /// <summary>What went wrong, in words for a health page; null on success.</summary>
    public string? Detail { get; }

    public static ModbusReadResult Success(IReadOnlyList<ushort> registers) => new(ModbusReadStatus.Success, registers, null, null);

    public static ModbusReadResult Failure(ModbusReadStatus status, string detail) => new(status, [], null, detail);

    public static ModbusReadResult Exception(ModbusExceptionCode code) =>
        new(ModbusReadStatus.ExceptionResponse, [], code, $"server answered with exception {(byte)code:X2} ({code})");
}
