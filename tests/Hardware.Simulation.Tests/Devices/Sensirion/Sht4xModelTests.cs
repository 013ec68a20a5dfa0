using Iot.Device.Sht4x;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.Devices.Sensirion;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Tests.Devices;

/// <summary>The command-level SHT4x model, read by the real Iot.Device.Bindings driver.</summary>
public sealed class Sht4xModelTests
{
    private const int Address = 0x44;
    private readonly SimulatedI2cBus _bus = new(1);
    private readonly SimulatedEnvironment _environment =
        new(ScenarioCatalog.ClearDay, new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 15, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task The_real_driver_reads_the_environments_air_temperature_and_humidity()
    {
        _bus.TryAdd(Address, new Sht4xModel(_environment));
        using var sht = new Sht4x(_bus.Open(Address));

        var (humidity, temperature) = await sht.ReadHumidityAndTemperatureAsync();

        Assert.Equal(_environment.Current.AirTemperatureCelsius, temperature!.Value.DegreesCelsius, 0.01);
        Assert.Equal(_environment.Current.RelativeHumidityPercent, humidity!.Value.Percent, 0.01);
    }

    [Fact]
    public async Task On_a_crc_error_the_binding_returns_no_value()
    {
        var model = new Sht4xModel(_environment);
        _bus.TryAdd(Address, model);
        using var sht = new Sht4x(_bus.Open(Address));
        model.CorruptCrc = true;

        var (humidity, temperature) = await sht.ReadHumidityAndTemperatureAsync();

        Assert.Null(humidity);
        Assert.Null(temperature);
    }

    [Fact]
    public void The_serial_number_reads_back_in_two_checked_words()
    {
        _bus.TryAdd(Address, new Sht4xModel(_environment, serialNumber: 0x1234_5678));
        using var sht = new Sht4x(_bus.Open(Address));

        Assert.Equal(0x1234_5678, sht.ReadSerialNumber());
    }

    [Fact]
    public void A_read_before_the_measurement_time_is_not_acknowledged()
    {
        var busClock = new FakeTimeProvider();
        _bus.TryAdd(Address, new Sht4xModel(_environment, busClock));
        var device = _bus.Open(Address);
        device.WriteByte(Sht4xModel.MeasureHigh);

        Assert.Throws<IOException>(() => device.Read(new byte[6]));

        busClock.Advance(TimeSpan.FromMilliseconds(7));
        device.Read(new byte[6]);
    }
}
