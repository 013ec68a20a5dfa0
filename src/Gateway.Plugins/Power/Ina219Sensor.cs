using System.Buffers.Binary;
using System.Device.I2c;
using Iot.Device.Adc;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.I2c;

namespace SmartVillage.Plugins.Power;

/// <summary>
/// Voltage, current and power of one DC circuit (a battery, a solar panel) from a TI INA219 high-side monitor,
/// through the Iot.Device.Bindings <see cref="Ina219"/> driver. Reset at open, then the bus range, the shunt range
/// and the calibration register are programmed (<see cref="Ina219Calibration"/>); both ADCs stay at the reset
/// default of 12 bits, continuous.
/// </summary>
/// <remarks>
/// <para>Pitfalls of the binding handled here: it returns the shunt voltage and current registers as unsigned, so
/// a discharging battery (negative current, two's complement) would read as about +3.2 A; it reads the bus voltage
/// register as signed, so any bus above 16.38 V (a solar panel) comes back negative; it discards the register's
/// OVF flag; and its shunt-ADC setter shifts the value into the bus-ADC field, so it is never called.</para>
/// <para>Current is positive flowing from VIN+ to VIN−. The chip's power register holds a magnitude; power is
/// reported with the current's sign. An OVF flag or a shunt voltage at the range limit flags current and power
/// OutOfRange. The bus voltage register's bit 2 is always 0 in the chip (datasheet §8.6.3.2): a 1 there means the
/// bytes are not from an INA219 and the read fails.</para>
/// </remarks>
public sealed class Ina219Sensor : ISensor
{
    /// <summary>Configuration register after reset (datasheet §8.6.2.1): 32 V, ±320 mV, 12-bit, continuous.</summary>
    public const ushort ConfigurationAfterReset = 0x399F;

    private const double BusVoltageWrap = 8192 * 0.004; // 13-bit bus register, 4 mV per count.
    private const double ShuntVoltsPerCount = 10e-6;

    private readonly ReadRecordingI2cDevice _bus;
    private readonly Ina219 _device;
    private readonly Ina219Calibration _calibration;
    private readonly int _address;

    /// <exception cref="IOException">No INA219 answers, or the chip does not read back its reset configuration.</exception>
    public Ina219Sensor(I2cDevice device, Ina219Calibration calibration, Ina219BusVoltageRange busRange = Ina219BusVoltageRange.Range32v)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(calibration);
        _address = device.ConnectionSettings.DeviceAddress;
        _calibration = calibration;
        _bus = new ReadRecordingI2cDevice(device);
        _device = new Ina219(_bus);
        _device.Reset(); // Writes RST, then reads the configuration back (the binding caches its ADC settings).
        if (_bus.LastRead.Length != 2 || BinaryPrimitives.ReadUInt16BigEndian(_bus.LastRead) != ConfigurationAfterReset)
        {
            throw new IOException(
                $"INA219 at 0x{_address:X2}: configuration after reset reads 0x{Convert.ToHexString(_bus.LastRead)}, not 0x{ConfigurationAfterReset:X4}: another chip, or corrupt bus data");
        }

        _device.BusVoltageRange = busRange;
        _device.PgaSensitivity = calibration.Pga;
        _device.SetCalibration(calibration.Register, (float)calibration.CurrentLsbAmps);
    }

    public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return ValueTask.FromResult(Read());
        }
        catch (IOException e)
        {
            return ValueTask.FromResult(SensorSample.Failure($"INA219 at 0x{_address:X2} did not acknowledge: {e.Message}"));
        }
    }

    private SensorSample Read()
    {
        var busVolts = _device.ReadBusVoltage().Volts;
        var busRegister = BinaryPrimitives.ReadUInt16BigEndian(_bus.LastRead);
        if ((busRegister & 0b100) != 0)
        {
            return SensorSample.Failure($"INA219 bus voltage register reads 0x{busRegister:X4}: bit 2 is always 0 in the chip, so the bus data are corrupt");
        }

        var overflow = (busRegister & 0b1) != 0;
        if (busVolts < 0)
        {
            busVolts += BusVoltageWrap; // The binding sign-extends an unsigned 13-bit value.
        }

        var shuntCount = Signed(_device.ReadShuntVoltage().Volts / ShuntVoltsPerCount);
        var currentCount = Signed(_device.ReadCurrent().Amperes / (float)_calibration.CurrentLsbAmps);
        var watts = (double)_device.ReadPower().Watts; // UnitsNet 5 keeps power as decimal.
        var amps = currentCount * _calibration.CurrentLsbAmps;
        var shuntVolts = shuntCount * ShuntVoltsPerCount;
        var saturated = overflow || Math.Abs(shuntVolts) >= _calibration.ShuntRangeVolts - ShuntVoltsPerCount;
        var currentQuality = saturated ? ReadingQuality.OutOfRange : ReadingQuality.Good;
        return SensorSample.Success(
            new Measurement("voltage", "V", Math.Round(busVolts, 3)),
            new Measurement("current", "A", Math.Round(amps, 5), currentQuality) { RawValue = Math.Round(shuntVolts * 1000, 2), RawUnit = "mV" },
            new Measurement("power", "W", Math.Round(amps < 0 ? -watts : watts, 4), currentQuality));
    }

    /// <summary>The two's-complement value of a 16-bit register the binding returned as unsigned.</summary>
    private static int Signed(double unsignedCount) => (short)(ushort)Math.Round(unsignedCount);

    public void Dispose()
    {
        _device.Dispose();
        _bus.Dispose(); // The binding does not dispose a device it was given.
    }
}
