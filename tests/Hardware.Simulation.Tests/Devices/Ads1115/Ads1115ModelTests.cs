// Namespace without the folder's last segment: a namespace named Ads1115 would hide Iot.Device.Ads1115.Ads1115.
using Iot.Device.Ads1115;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.Devices.Ads1115;
using SmartVillage.Hardware.Simulation.Devices.Analog;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Tests.Devices;

/// <summary>The register-level ADS1115 model, read by the real Iot.Device.Bindings driver.</summary>
public sealed class Ads1115ModelTests
{
    private const int Address = 0x48;
    private readonly SimulatedI2cBus _bus = new(1);
    private readonly Ads1115Model _model;

    public Ads1115ModelTests()
    {
        var environment = new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));
        _model = new Ads1115Model(environment);
        _bus.TryAdd(Address, _model);
    }

    [Fact]
    public void The_real_driver_reads_the_voltage_on_an_input()
    {
        _model.TryConnect(2, new FixedVoltage(1.2345));
        using var adc = new Ads1115(_bus.Open(Address), InputMultiplexer.AIN2, MeasuringRange.FS4096, DataRate.SPS128, DeviceMode.PowerDown);

        Assert.Equal(1.2345, adc.ReadVoltage(InputMultiplexer.AIN2).Volts, 0.000125);
    }

    [Fact]
    public void Each_input_reads_its_own_probe()
    {
        _model.TryConnect(0, new FixedVoltage(0.5));
        _model.TryConnect(3, new FixedVoltage(2.5));
        using var adc = new Ads1115(_bus.Open(Address), InputMultiplexer.AIN0, MeasuringRange.FS4096, DataRate.SPS128, DeviceMode.PowerDown);

        Assert.Equal(0.5, adc.ReadVoltage(InputMultiplexer.AIN0).Volts, 0.000125);
        Assert.Equal(2.5, adc.ReadVoltage(InputMultiplexer.AIN3).Volts, 0.000125);
        Assert.Equal(0.5, adc.ReadVoltage(InputMultiplexer.AIN0).Volts, 0.000125);
    }

    /// <summary>Datasheet Table 3: +FS gives 7FFFh, one LSB gives 0001h, −FS gives 8000h; beyond full scale clips.</summary>
    [Theory]
    [InlineData(4.096, 0x7FFF)]
    [InlineData(5.0, 0x7FFF)]
    [InlineData(4.096 / 32768, 0x0001)]
    [InlineData(0.0, 0x0000)]
    [InlineData(-4.096 / 32768, -1)]
    [InlineData(-4.096, -32768)]
    public void Output_codes_follow_the_datasheet_table(double volts, int code) =>
        Assert.Equal(code, Ads1115Model.Code(volts, 4.096));

    [Fact]
    public void The_config_register_reads_back_big_endian_with_the_os_bit_set()
    {
        var device = _bus.Open(Address);
        device.Write([Ads1115Model.ConfigRegister, 0x45, 0x83]); // Continuous, AIN0-GND, ±2.048 V, no OS write.

        Span<byte> read = stackalloc byte[2];
        device.WriteRead([Ads1115Model.ConfigRegister], read);

        Assert.Equal(0xC5, read[0]);
        Assert.Equal(0x83, read[1]);
    }

    [Fact]
    public void The_config_register_powers_up_with_its_datasheet_reset_value()
    {
        Span<byte> read = stackalloc byte[2];
        _bus.Open(Address).WriteRead([Ads1115Model.ConfigRegister], read);

        Assert.Equal(Ads1115Model.ConfigResetValue, (read[0] << 8) | read[1]);
    }

    [Fact]
    public void Every_single_shot_read_makes_a_fresh_conversion()
    {
        _model.TryConnect(0, new FixedVoltage(1));
        using var adc = new Ads1115(_bus.Open(Address), InputMultiplexer.AIN0, MeasuringRange.FS4096, DataRate.SPS128, DeviceMode.PowerDown);
        var before = _model.ConversionCount;

        adc.ReadRaw();
        adc.ReadRaw();

        Assert.Equal(before + 2, _model.ConversionCount);
    }

    [Fact]
    public void An_input_cannot_take_a_second_probe()
    {
        Assert.True(_model.TryConnect(1, new FixedVoltage(1)));
        Assert.False(_model.TryConnect(1, new FixedVoltage(2)));
    }

    private sealed class FixedVoltage(double volts) : IAnalogProbe
    {
        public double Volts(EnvironmentConditions conditions) => volts;
    }
}
