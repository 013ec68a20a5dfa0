// Namespace without the folder's last segment: a namespace named Bme280 would hide Iot.Device.Bmxx80.Bme280.
using Iot.Device.Bmxx80;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Hardware.Simulation.Tests.Devices;

/// <summary>The real Iot.Device.Bindings driver, unmodified, against the register-level model on the simulated bus.</summary>
public sealed class Bme280ThroughRealDriverTests
{
    private const int Address = 0x76;

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(21)]
    public async Task The_driver_reads_the_environment_at_any_time_of_day(int hour)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, hour, 0, 0, TimeSpan.Zero));
        var kit = KitWithBme280(time);
        using var driver = new Bme280(kit.OpenI2c(1, Address))
        {
            TemperatureSampling = Sampling.UltraHighResolution,
            PressureSampling = Sampling.UltraHighResolution,
            HumiditySampling = Sampling.UltraHighResolution,
        };

        var reading = await driver.ReadAsync();

        var expected = kit.Environment.Current;
        Assert.Equal(expected.AirTemperatureCelsius, reading.Temperature!.Value.DegreesCelsius, 0.05);
        Assert.Equal(expected.PressurePascals, reading.Pressure!.Value.Pascals, 5.0);
        Assert.Equal(expected.RelativeHumidityPercent, reading.Humidity!.Value.Percent, 0.2);
    }

    [Fact]
    public async Task The_driver_defaults_of_lowest_oversampling_still_read_within_tolerance()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var kit = KitWithBme280(time);
        using var driver = new Bme280(kit.OpenI2c(1, Address));

        var reading = await driver.ReadAsync();

        var expected = kit.Environment.Current;
        Assert.Equal(expected.AirTemperatureCelsius, reading.Temperature!.Value.DegreesCelsius, 0.05);
        Assert.Equal(expected.PressurePascals, reading.Pressure!.Value.Pascals, 5.0);
        Assert.Equal(expected.RelativeHumidityPercent, reading.Humidity!.Value.Percent, 0.2);
    }

    [Fact]
    public async Task A_later_read_follows_the_clock_rather_than_repeating_the_first_conversion()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 6, 0, 0, TimeSpan.Zero));
        var kit = KitWithBme280(time);
        using var driver = new Bme280(kit.OpenI2c(1, Address));
        var dawn = await driver.ReadAsync();

        time.Advance(TimeSpan.FromHours(9));
        var afternoon = await driver.ReadAsync();

        Assert.True(afternoon.Temperature!.Value.DegreesCelsius > dawn.Temperature!.Value.DegreesCelsius + 10);
    }

    [Fact]
    public void A_forced_conversion_leaves_the_chip_asleep_as_the_datasheet_says()
    {
        var kit = KitWithBme280(new FakeTimeProvider());
        using var driver = new Bme280(kit.OpenI2c(1, Address));

        driver.SetPowerMode(Iot.Device.Bmxx80.PowerMode.Bmx280PowerMode.Forced);

        Assert.Equal(Iot.Device.Bmxx80.PowerMode.Bmx280PowerMode.Sleep, driver.ReadPowerMode());
        Assert.False(driver.ReadStatus().Measuring);
    }

    [Fact]
    public void A_nacking_device_makes_the_driver_constructor_throw_an_io_exception()
    {
        var kit = KitWithBme280(new FakeTimeProvider());
        kit.InjectI2cFault(1, Address, I2cFault.Nack);

        Assert.Throws<IOException>(() => new Bme280(kit.OpenI2c(1, Address)));
    }

    [Fact]
    public async Task A_device_that_starts_nacking_after_setup_makes_the_read_throw_an_io_exception()
    {
        var kit = KitWithBme280(new FakeTimeProvider());
        using var driver = new Bme280(kit.OpenI2c(1, Address));

        kit.InjectI2cFault(1, Address, I2cFault.Nack);

        await Assert.ThrowsAsync<IOException>(driver.ReadAsync);
    }

    [Fact]
    public void A_bus_returning_0xFF_fails_the_chip_id_check()
    {
        var kit = KitWithBme280(new FakeTimeProvider());
        kit.InjectI2cFault(1, Address, I2cFault.CorruptData);

        var error = Assert.Throws<IOException>(() => new Bme280(kit.OpenI2c(1, Address)));
        Assert.Contains("255", error.Message, StringComparison.Ordinal);
    }

    private static SimulatedKit KitWithBme280(TimeProvider time)
    {
        var kit = new SimulatedKit("clear-day", time);
        Assert.Null(kit.Attach(new SensorDefinition { Id = "air", Type = "bme280", Bus = 1, Address = Address }));
        return kit;
    }
}
