namespace SmartVillage.Plugins.Modbus;

/// <summary>Timing of one Modbus RTU line.</summary>
public sealed class ModbusRtuOptions
{
    /// <summary>
    /// How long to wait for a complete answer after sending a request. Default 500 ms: cheap soil probes answer in
    /// 50-200 ms at 4800 baud; a longer wait only delays reporting a dead probe.
    /// </summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Silence that marks the line clean again after a failed exchange (late or garbled bytes are dropped first).
    /// Default 50 ms, well above the 3.5-character gap of §2.5.1.1 at 4800 baud (8 ms).
    /// </summary>
    public TimeSpan TurnaroundDelay { get; init; } = TimeSpan.FromMilliseconds(50);
}
