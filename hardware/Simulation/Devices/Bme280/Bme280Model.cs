using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Bme280;

/// <summary>
/// A Bosch BME280 at register level: chip id, reset, control registers, calibration NVM and data registers whose
/// raw codes, run through the datasheet's compensation, give the environment's air temperature, pressure and
/// humidity at the moment of conversion.
/// </summary>
/// <remarks>
/// Simplifications, each invisible to a driver that follows the datasheet:
/// a conversion completes within the ctrl_meas write that starts it, so status.measuring (§5.4.4) reads 0 and
/// the data are ready before the driver's wait of t_measure (appendix 9.1) is over; status.im_update reads 0
/// because the NVM copy after reset is likewise instant; the IIR filter setting is stored but not applied
/// (the environment is already smooth); normal mode converts afresh whenever a burst read touches the data.
/// </remarks>
public sealed class Bme280Model : RegisterFileDevice
{
    private const byte ModeMask = 0b11;
    private const byte ModeSleep = 0b00;
    private const byte ModeNormal = 0b11;

    private readonly SimulatedEnvironment _environment;
    private int _latchedOsrsHumidity;

    public Bme280Model(SimulatedEnvironment environment, Bme280Calibration? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        Calibration = calibration ?? Bme280Calibration.DatasheetExample;
        PowerOnReset();
    }

    public Bme280Calibration Calibration { get; }

    /// <summary>Conversions made since power-on; lets a test tell a fresh reading from a stale one.</summary>
    public int ConversionCount { get; private set; }

    /// <summary>Multi-byte writes are register/value pairs: there is no write auto-increment (§6.2.1).</summary>
    protected override bool WritesAddressDataPairs => true;

    protected override void OnWrite(byte address, byte value)
    {
        switch (address)
        {
            case Bme280Registers.Reset when value == Bme280Registers.ResetCommand:
                PowerOnReset();
                break;
            case Bme280Registers.CtrlHum:
                Registers[address] = (byte)(value & 0b111);
                break;
            case Bme280Registers.CtrlMeas:
                StartMeasurement(value);
                break;
            case Bme280Registers.Config:
                Registers[address] = (byte)(value & 0b1111_1101); // bit 1 is reserved (§5.4.6).
                break;
            default:
                break; // Every other register is read-only; the chip ignores the write.
        }
    }

    protected override void OnReadStarting(byte address)
    {
        if ((Registers[Bme280Registers.CtrlMeas] & ModeMask) == ModeNormal && address >= Bme280Registers.PressureMsb)
        {
            Convert();
        }
    }

    /// <summary>
    /// ctrl_meas write (§5.4.5): ctrl_hum's osrs_h takes effect now (§5.4.3); modes 01 and 10 are forced mode,
    /// one conversion and back to sleep (§3.3.3); 11 is normal mode.
    /// </summary>
    private void StartMeasurement(byte value)
    {
        _latchedOsrsHumidity = Registers[Bme280Registers.CtrlHum] & 0b111;
        var mode = value & ModeMask;
        Registers[Bme280Registers.CtrlMeas] = value;
        if (mode == ModeSleep)
        {
            return;
        }

        Convert();
        if (mode != ModeNormal)
        {
            Registers[Bme280Registers.CtrlMeas] = (byte)(value & ~ModeMask);
        }
    }

    private void Convert()
    {
        var ctrlMeas = Registers[Bme280Registers.CtrlMeas];
        var adc = Bme280Adc.For(
            _environment.Current, Calibration, ctrlMeas >> 5, (ctrlMeas >> 2) & 0b111, _latchedOsrsHumidity);
        StoreData(adc);
        ConversionCount++;
    }

    private void StoreData(Bme280Adc adc)
    {
        Store20Bit(Bme280Registers.PressureMsb, adc.Pressure);
        Store20Bit(Bme280Registers.TemperatureMsb, adc.Temperature);
        Registers[Bme280Registers.HumidityMsb] = (byte)(adc.Humidity >> 8);
        Registers[Bme280Registers.HumidityMsb + 1] = (byte)adc.Humidity;
    }

    /// <summary>msb, lsb, xlsb[7:4] (§5.4.7, §5.4.8).</summary>
    private void Store20Bit(byte msbRegister, int value)
    {
        Registers[msbRegister] = (byte)(value >> 12);
        Registers[msbRegister + 1] = (byte)(value >> 4);
        Registers[msbRegister + 2] = (byte)((value & 0xF) << 4);
    }

    /// <summary>Power-on state (§5.3, Table 18 reset values): everything cleared, NVM trims loaded.</summary>
    private void PowerOnReset()
    {
        Registers.Clear();
        Registers[Bme280Registers.ChipId] = Bme280Registers.ChipIdValue;
        Calibration.WriteTo(Registers);
        _latchedOsrsHumidity = 0;
        StoreData(Bme280Adc.ResetValues);
    }
}
