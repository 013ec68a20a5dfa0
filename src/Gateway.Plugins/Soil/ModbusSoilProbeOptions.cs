namespace SmartVillage.Plugins.Soil;

/// <summary>One RS485 soil probe's settings (kit file <c>Settings</c> keys in brackets).</summary>
public sealed class ModbusSoilProbeOptions
{
    /// <summary>Modbus unit address (<c>UnitAddress</c>). Default 1, the factory setting of these probes.</summary>
    public byte Unit { get; init; } = 1;

    /// <summary>Line speed (<c>BaudRate</c>). Default 4800, the factory setting of most of these probes.</summary>
    public int BaudRate { get; init; } = 4800;

    /// <summary>3, 4 or 7 registers from 0x0000 (<c>Registers</c>): 3-in-1, 4-in-1 (adds pH), 7-in-1 (adds NPK). Default 7.</summary>
    public int Registers { get; init; } = 7;

    /// <summary>Read with function 04 instead of 03 (<c>Function</c> = 4). Default false: most probes answer both.</summary>
    public bool UseInputRegisters { get; init; }

    /// <summary>pH per count of register 0x0003 (<c>PhScale</c>). Default 0.1; 0.01 on some models.</summary>
    public double PhScale { get; init; } = 0.1;

    /// <summary>Response timeout (<c>ResponseTimeoutMs</c>). Default 500 ms.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMilliseconds(500);
}
