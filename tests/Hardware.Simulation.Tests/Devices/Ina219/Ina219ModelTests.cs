using System.Buffers.Binary;
using System.Device.I2c;
using Iot.Device.Adc;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.Devices.Ina219;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Tests.Devices;

/// <summary>The register-level INA219 model on a circuit the test sets.</summary>
public sealed class Ina219ModelTests
{
    private const int Address = 0x40;
    private readonly SimulatedI2cBus _bus = new(1);
    private readonly SimulatedEnvironment _environment =
        new(ScenarioCatalog.ClearDay, new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));
    private (double BusVolts, double Amps) _circuit = (12.0, 1.0);
    private readonly I2cDevice _device;

    public Ina219ModelTests()
    {
        _bus.TryAdd(Address, new Ina219Model(_environment, _ => _circuit));
        _device = _bus.Open(Address);
    }

    [Fact]
    public void The_configuration_reads_its_reset_value_0x399F() =>
        Assert.Equal(0x399F, ReadRegister(Ina219Model.ConfigurationRegister));

    /// <summary>Datasheet shunt voltage register at PGA ÷8: +320 mV is 7D00h, −320 mV is 8300h (10 µV per count).</summary>
    [Theory]
    [InlineData(3.2, 0x7D00)]
    [InlineData(-3.2, 0x8300)]
    [InlineData(1.0, 0x2710)]
    public void The_shunt_voltage_register_is_signed_with_10_microvolts_per_count(double amps, int register)
    {
        _circuit = (12.0, amps);

        Assert.Equal(register, ReadRegister(Ina219Model.ShuntVoltageRegister));
    }

    /// <summary>Bus voltage: 4 mV per count in bits 15-3, CNVR in bit 1. 12 V is 3000 counts.</summary>
    [Fact]
    public void The_bus_voltage_register_holds_4_millivolt_counts_above_the_status_bits() =>
        Assert.Equal((3000 << 3) | 0b10, ReadRegister(Ina219Model.BusVoltageRegister));

    /// <summary>
    /// Datasheet calibration procedure with a 0.1 Ω shunt and 2 A expected: Current_LSB 100 µA, Cal 4096, Power_LSB
    /// 2 mW. 1 A at 12 V then reads current 10000 (1.0000 A) and power 6000 (12.000 W).
    /// </summary>
    [Fact]
    public void With_cal_4096_one_ampere_at_twelve_volts_reads_10000_and_6000()
    {
        WriteRegister(Ina219Model.CalibrationRegister, 4096);

        Assert.Equal(10000, ReadRegister(Ina219Model.CurrentRegister));
        Assert.Equal(6000, ReadRegister(Ina219Model.PowerRegister));
    }

    [Fact]
    public void A_negative_current_is_twos_complement_and_its_power_a_magnitude()
    {
        WriteRegister(Ina219Model.CalibrationRegister, 4096);
        _circuit = (12.0, -0.5);

        Assert.Equal(-5000, (short)ReadRegister(Ina219Model.CurrentRegister));
        Assert.Equal(3000, ReadRegister(Ina219Model.PowerRegister));
    }

    [Fact]
    public void Current_and_power_read_zero_until_the_calibration_is_programmed() =>
        Assert.Equal(0, ReadRegister(Ina219Model.CurrentRegister));

    [Fact]
    public void Bit_0_of_the_calibration_register_is_void()
    {
        WriteRegister(Ina219Model.CalibrationRegister, 4097);

        Assert.Equal(4096, ReadRegister(Ina219Model.CalibrationRegister));
    }

    [Fact]
    public void A_shunt_voltage_beyond_the_pga_range_saturates_and_sets_the_overflow_flag()
    {
        WriteRegister(Ina219Model.ConfigurationRegister, 0x019F); // 16 V, ÷1 (±40 mV), 12-bit, continuous.
        _circuit = (12.0, 1.0); // 100 mV across 0.1 Ω.

        Assert.Equal(4000, ReadRegister(Ina219Model.ShuntVoltageRegister));
        Assert.Equal(1, ReadRegister(Ina219Model.BusVoltageRegister) & 1);
    }

    [Fact]
    public void Setting_the_reset_bit_restores_every_register()
    {
        WriteRegister(Ina219Model.CalibrationRegister, 4096);
        WriteRegister(Ina219Model.ConfigurationRegister, 0x019F);

        WriteRegister(Ina219Model.ConfigurationRegister, 0x8000);

        Assert.Equal(0x399F, ReadRegister(Ina219Model.ConfigurationRegister));
        Assert.Equal(0, ReadRegister(Ina219Model.CalibrationRegister));
    }

    [Fact]
    public void Reading_the_power_register_clears_the_conversion_ready_flag_until_the_next_conversion()
    {
        WriteRegister(Ina219Model.ConfigurationRegister, 0x399B); // Shunt and bus, triggered: one conversion now.
        ReadRegister(Ina219Model.PowerRegister);

        Assert.Equal(0, ReadRegister(Ina219Model.BusVoltageRegister) & 0b10);
    }

    /// <summary>Why the gateway converts the binding's values: it reads the current register as unsigned.</summary>
    [Fact]
    public void The_binding_reads_a_negative_current_as_a_large_positive_one()
    {
        var ina = new Ina219(_bus.Open(Address));
        ina.SetCalibration(4096, 0.0001f);
        _circuit = (12.0, -0.5);

        Assert.Equal((65536 - 5000) * 0.0001, ina.ReadCurrent().Amperes, 1e-6);
    }

    /// <summary>Why the gateway converts the binding's values: it sign-extends the 13-bit bus voltage.</summary>
    [Fact]
    public void The_binding_reads_a_bus_above_16_volts_as_negative()
    {
        var ina = new Ina219(_bus.Open(Address));
        _circuit = (19.2, 0.5);

        Assert.Equal(19.2 - 32.768, ina.ReadBusVoltage().Volts, 1e-6);
    }

    /// <summary>Why the gateway never calls it: the binding's shunt ADC setter lands in the bus ADC bits.</summary>
    [Fact]
    public void The_bindings_shunt_adc_setter_writes_the_bus_adc_field()
    {
        var ina = new Ina219(_bus.Open(Address));
        ina.Reset();

        ina.ShuntAdcResolutionOrSamples = Ina219AdcResolutionOrSamples.Adc128Sample;

        var configuration = ReadRegister(Ina219Model.ConfigurationRegister);
        Assert.Equal(0b1111, (configuration >> 7) & 0b1111); // BADC became 128 samples.
        Assert.Equal(0, (configuration >> 3) & 0b1111); // SADC was cleared to 9 bits.
    }

    private int ReadRegister(byte register)
    {
        var data = new byte[2];
        _device.WriteRead([register], data);
        return BinaryPrimitives.ReadUInt16BigEndian(data);
    }

    private void WriteRegister(byte register, ushort value)
    {
        var data = new byte[3];
        data[0] = register;
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(1), value);
        _device.Write(data);
    }
}
