// Namespace without the folder's last segment: a namespace named Bme280 would hide Iot.Device.Bmxx80.Bme280.
using SmartVillage.Hardware.Simulation.Devices.Bme280;

namespace SmartVillage.Hardware.Simulation.Tests.Devices;

/// <summary>The worked example of the BMP280 datasheet §3.12 (same formulas and trims as the BME280's T and P).</summary>
public sealed class Bme280CompensationTests
{
    private static readonly Bme280Calibration s_example = Bme280Calibration.DatasheetExample;

    [Fact]
    public void Datasheet_example_raw_temperature_519888_compensates_to_25_08_degrees()
    {
        var celsius = Bme280Compensation.Temperature(s_example, 519888, out var temperatureFine);

        Assert.Equal(25.08, celsius, 0.005);
        Assert.Equal(128422, temperatureFine, 1.0);
    }

    [Fact]
    public void Datasheet_example_raw_pressure_415148_compensates_to_100653_27_pascals()
    {
        Bme280Compensation.Temperature(s_example, 519888, out var temperatureFine);

        var pascals = Bme280Compensation.Pressure(s_example, 415148, temperatureFine);

        Assert.Equal(100653.27, pascals, 0.05);
    }

    [Fact]
    public void Inverting_the_example_temperature_gives_back_the_example_raw_code()
    {
        var celsius = Bme280Compensation.Temperature(s_example, 519888, out _);

        var code = SmartVillage.Hardware.Simulation.Devices.MonotonicInverse.Nearest(
            c => Bme280Compensation.Temperature(s_example, c, out _), celsius, 0, 0xFFFFF);

        Assert.Equal(519888, code);
    }

    [Fact]
    public void Calibration_is_packed_little_endian_with_h4_and_h5_sharing_register_0xE5()
    {
        var registers = new byte[256];

        s_example.WriteTo(registers);

        Assert.Equal([0x70, 0x6B], registers[0x88..0x8A]); // dig_T1 = 27504 = 0x6B70
        Assert.Equal(75, registers[0xA1]);
        Assert.Equal(313, (registers[0xE4] << 4) | (registers[0xE5] & 0x0F));
        Assert.Equal(50, (registers[0xE6] << 4) | (registers[0xE5] >> 4));
    }
}
