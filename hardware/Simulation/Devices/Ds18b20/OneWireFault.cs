namespace SmartVillage.Hardware.Simulation.Devices.Ds18b20;

/// <summary>Something wrong with a simulated 1-Wire thermometer, switched on by a test.</summary>
public enum OneWireFault
{
    None,

    /// <summary>The scratchpad arrives corrupted: the kernel prints <c>crc=.. NO</c> (long cable, weak pull-up).</summary>
    CrcError,

    /// <summary>The device dropped off the bus: its folder is gone.</summary>
    Absent,

    /// <summary>The sensor browned out and reports its power-on value, 85 °C, with a valid CRC (datasheet Table 1 note).</summary>
    PowerOnReset,
}
