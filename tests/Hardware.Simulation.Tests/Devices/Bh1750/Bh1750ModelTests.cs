using Iot.Device.Bh1750fvi;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.Devices.Bh1750;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Tests.Devices;

/// <summary>The opcode-level BH1750 model, with a bus clock the test moves.</summary>
public sealed class Bh1750ModelTests
{
    private const int Address = 0x23;
    private readonly SimulatedI2cBus _bus = new(1);
    private readonly FakeTimeProvider _busClock = new();
    private readonly SimulatedEnvironment _environment;
    private readonly Bh1750Model _model;

    public Bh1750ModelTests()
    {
        // 10:00 on a clear day: about 87 klx, inside what MTreg 31 can count.
        _environment = new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero)));
        _model = new Bh1750Model(_environment, _busClock);
        _bus.TryAdd(Address, _model);
    }

    private double Lux => _environment.Current.IlluminanceLux;

    /// <summary>Datasheet: in H-resolution mode at MTreg 69, counts = lx × 1.2.</summary>
    [Fact]
    public void A_continuous_h_resolution_measurement_counts_1_2_per_lux()
    {
        var device = _bus.Open(Address);
        Program(device, 31);
        device.WriteByte(0x10);
        _busClock.Advance(TimeSpan.FromMilliseconds(54)); // 120 ms × 31 / 69

        Assert.Equal(Bh1750Model.Counts(Lux, 31), ReadCounts(device));
        Assert.Equal(Math.Round(Lux * 1.2 * 31 / 69), ReadCounts(device), 0);
    }

    [Fact]
    public void Full_sun_saturates_the_counter_at_the_default_measurement_time()
    {
        var device = _bus.Open(Address);
        device.WriteByte(0x10);
        _busClock.Advance(TimeSpan.FromMilliseconds(120));

        Assert.Equal(65535, ReadCounts(device));
    }

    [Fact]
    public void The_measurement_time_register_is_written_in_two_halves()
    {
        var device = _bus.Open(Address);

        Program(device, 0xFE);

        Assert.Equal(254, _model.MeasurementTime);
    }

    [Fact]
    public void H2_resolution_counts_twice_as_many_per_lux()
    {
        var device = _bus.Open(Address);
        Program(device, 31);
        device.WriteByte(0x11);
        _busClock.Advance(TimeSpan.FromMilliseconds(54));

        Assert.Equal(Math.Min(65535, 2 * Bh1750Model.Counts(Lux, 31)), ReadCounts(device));
    }

    [Fact]
    public void A_read_before_the_first_measurement_ends_returns_the_reset_value()
    {
        var device = _bus.Open(Address);
        device.WriteByte(Bh1750Model.PowerOn);
        device.WriteByte(Bh1750Model.Reset);
        device.WriteByte(0x10);
        _busClock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(0, ReadCounts(device));
    }

    [Fact]
    public void A_new_mode_command_restarts_the_cycle_and_keeps_the_last_result()
    {
        var device = _bus.Open(Address);
        Program(device, 31);
        device.WriteByte(0x10);
        _busClock.Advance(TimeSpan.FromMilliseconds(60));
        var first = ReadCounts(device);

        device.WriteByte(0x10);

        Assert.Equal(first, ReadCounts(device));
        Assert.Equal(1, _model.MeasurementCount);
    }

    [Fact]
    public void A_one_time_measurement_powers_the_chip_down_after_it()
    {
        var device = _bus.Open(Address);
        Program(device, 31);
        device.WriteByte(0x20);
        _busClock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Bh1750Model.Counts(Lux, 31), ReadCounts(device));
        Assert.Equal(1, _model.MeasurementCount);
    }

    [Fact]
    public void Reset_is_ignored_while_powered_down()
    {
        var device = _bus.Open(Address);
        Program(device, 31);
        device.WriteByte(0x20);
        _busClock.Advance(TimeSpan.FromSeconds(1));
        var counts = ReadCounts(device);

        device.WriteByte(Bh1750Model.Reset);

        Assert.Equal(counts, ReadCounts(device));
    }

    /// <summary>
    /// Why the gateway waits before reading: the binding writes the mode command and reads at once, so the very first
    /// read after construction is the reset value, whatever the light.
    /// </summary>
    [Fact]
    public void The_bindings_first_read_is_the_reset_value_even_in_daylight()
    {
        using var sensor = new Bh1750fvi(_bus.Open(Address));

        Assert.Equal(0, sensor.Illuminance.Lux);
        Assert.True(Lux > 10_000);
    }

    private static void Program(System.Device.I2c.I2cDevice device, int measurementTime)
    {
        device.WriteByte((byte)(0x40 | (measurementTime >> 5)));
        device.WriteByte((byte)(0x60 | (measurementTime & 0x1F)));
    }

    private static int ReadCounts(System.Device.I2c.I2cDevice device)
    {
        var data = new byte[2];
        device.Read(data);
        return (data[0] << 8) | data[1];
    }
}
