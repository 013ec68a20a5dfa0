using Iot.Device.Sht3x;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.Devices.Sensirion;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Tests.Devices;

/// <summary>The command-level SHT3x model, read by the real Iot.Device.Bindings driver.</summary>
public sealed class Sht3xModelTests
{
    private const int Address = 0x44;
    private readonly SimulatedI2cBus _bus = new(1);
    private readonly SimulatedEnvironment _environment =
        new(ScenarioCatalog.ClearDay, new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 15, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void The_real_driver_reads_the_environments_air_temperature_and_humidity()
    {
        _bus.TryAdd(Address, new Sht3xModel(_environment));
        using var sht = new Sht3x(_bus.Open(Address));

        // The binding rounds to 0.1.
        Assert.Equal(_environment.Current.AirTemperatureCelsius, sht.Temperature.DegreesCelsius, 0.06);
        Assert.Equal(_environment.Current.RelativeHumidityPercent, sht.Humidity.Percent, 0.06);
    }

    /// <summary>
    /// Why the gateway wraps the binding: on a CRC mismatch it keeps the value it had, so a caller cannot tell a
    /// fresh reading from a stale one.
    /// </summary>
    [Fact]
    public void On_a_crc_error_the_binding_silently_returns_its_previous_value()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 6, 0, 0, TimeSpan.Zero));
        var environment = new SimulatedEnvironment(ScenarioCatalog.ClearDay, time);
        var model = new Sht3xModel(environment);
        _bus.TryAdd(Address, model);
        using var sht = new Sht3x(_bus.Open(Address));
        var dawn = sht.Temperature.DegreesCelsius;

        time.Advance(TimeSpan.FromHours(9));
        model.CorruptCrc = true;

        Assert.Equal(dawn, sht.Temperature.DegreesCelsius);
        Assert.True(environment.Current.AirTemperatureCelsius > dawn + 10);
    }

    [Fact]
    public void A_read_before_the_measurement_time_is_not_acknowledged()
    {
        var busClock = new FakeTimeProvider();
        _bus.TryAdd(Address, new Sht3xModel(_environment, busClock));
        var device = _bus.Open(Address);
        device.Write([0x24, 0x00]); // Single shot, high repeatability, no clock stretching: 15 ms.

        Assert.Throws<IOException>(() => device.Read(new byte[6]));

        busClock.Advance(TimeSpan.FromMilliseconds(15));
        var frame = new byte[6];
        device.Read(frame);
        Assert.Equal(SensirionFrame.Crc((ushort)((frame[0] << 8) | frame[1])), frame[2]);
    }

    [Fact]
    public void A_read_with_no_measurement_waiting_is_not_acknowledged()
    {
        _bus.TryAdd(Address, new Sht3xModel(_environment));

        Assert.Throws<IOException>(() => _bus.Open(Address).Read(new byte[6]));
    }

    [Fact]
    public void The_status_register_shows_the_heater_and_a_reset()
    {
        var model = new Sht3xModel(_environment);
        _bus.TryAdd(Address, model);
        var device = _bus.Open(Address);
        device.Write([0x30, 0x6D]); // Heater on.
        device.Write([0xF3, 0x2D]); // Read status.

        var status = new byte[3];
        device.Read(status);

        Assert.True(model.HeaterEnabled);
        Assert.Equal(0x20, status[0] & 0x20); // Bit 13: heater on.
        Assert.Equal(0x10, status[1] & 0x10); // Bit 4: reset detected since power-on.
        Assert.Equal(SensirionFrame.Crc((ushort)((status[0] << 8) | status[1])), status[2]);
    }

    [Fact]
    public void An_unknown_command_is_not_acknowledged()
    {
        _bus.TryAdd(Address, new Sht3xModel(_environment));

        Assert.Throws<IOException>(() => _bus.Open(Address).Write([0x12, 0x34]));
    }
}
