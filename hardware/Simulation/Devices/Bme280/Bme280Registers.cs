namespace SmartVillage.Hardware.Simulation.Devices.Bme280;

/// <summary>BME280 memory map (Bosch BME280 datasheet §5.3, Table 18) and the values it defines.</summary>
public static class Bme280Registers
{
    /// <summary>Trimming parameters dig_T1..dig_P9, then dig_H1 at 0xA1 (§4.2.2, Table 16).</summary>
    public const byte CalibrationLow = 0x88;
    public const byte DigH1 = 0xA1;

    /// <summary>chip_id, reads 0x60 (§5.4.1).</summary>
    public const byte ChipId = 0xD0;
    public const byte ChipIdValue = 0x60;

    /// <summary>reset: writing 0xB6 performs a power-on reset; reads 0x00 (§5.4.2).</summary>
    public const byte Reset = 0xE0;
    public const byte ResetCommand = 0xB6;

    /// <summary>dig_H2..dig_H6 (§4.2.2, Table 16).</summary>
    public const byte CalibrationHigh = 0xE1;

    /// <summary>ctrl_hum: osrs_h[2:0]; takes effect at the next ctrl_meas write (§5.4.3).</summary>
    public const byte CtrlHum = 0xF2;

    /// <summary>status: measuring[3], im_update[0] (§5.4.4).</summary>
    public const byte Status = 0xF3;

    /// <summary>ctrl_meas: osrs_t[7:5], osrs_p[4:2], mode[1:0] (§5.4.5).</summary>
    public const byte CtrlMeas = 0xF4;

    /// <summary>config: t_sb[7:5], filter[4:2], spi3w_en[0] (§5.4.6).</summary>
    public const byte Config = 0xF5;

    /// <summary>press_msb, press_lsb, press_xlsb[7:4]: 20-bit big-endian (§5.4.7).</summary>
    public const byte PressureMsb = 0xF7;

    /// <summary>temp_msb, temp_lsb, temp_xlsb[7:4]: 20-bit big-endian (§5.4.8).</summary>
    public const byte TemperatureMsb = 0xFA;

    /// <summary>hum_msb, hum_lsb: 16-bit big-endian (§5.4.9).</summary>
    public const byte HumidityMsb = 0xFD;

    /// <summary>What a skipped (or not yet made) measurement reads (§3.4, §5.4.7-9 reset values).</summary>
    public const int Skipped20Bit = 0x80000;
    public const int Skipped16Bit = 0x8000;
}
