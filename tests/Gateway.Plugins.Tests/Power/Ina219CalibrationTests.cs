using Iot.Device.Adc;
using SmartVillage.Plugins.Power;

namespace SmartVillage.Plugins.Tests.Power;

public sealed class Ina219CalibrationTests
{
    /// <summary>
    /// The datasheet's calibration procedure for a 0.1 Ω shunt and 2 A: minimum LSB 2 A / 2¹⁵ = 61 µA, a round
    /// 100 µA chosen, Cal = trunc(0.04096 / (100 µA × 0.1 Ω)) = 4096, Power_LSB = 20 × 100 µA = 2 mW.
    /// </summary>
    [Fact]
    public void A_tenth_of_an_ohm_and_two_amperes_give_cal_4096_and_100_microamperes_per_count()
    {
        var calibration = Ina219Calibration.For(0.1, 2);

        Assert.Equal(0.0001, calibration.CurrentLsbAmps, 1e-12);
        Assert.Equal(4096, calibration.Register);
        Assert.Equal(0.002, calibration.PowerLsbWatts, 1e-12);
        Assert.Equal(Ina219PgaSensitivity.PlusOrMinus320mv, calibration.Pga);
    }

    [Theory]
    [InlineData(0.1, 0.3, Ina219PgaSensitivity.PlusOrMinus40mv)]
    [InlineData(0.1, 0.8, Ina219PgaSensitivity.PlusOrMinus80mv)]
    [InlineData(0.1, 1.5, Ina219PgaSensitivity.PlusOrMinus160mv)]
    [InlineData(0.01, 10, Ina219PgaSensitivity.PlusOrMinus160mv)]
    public void The_smallest_shunt_range_holding_the_largest_current_is_chosen(double ohms, double amps, Ina219PgaSensitivity expected) =>
        Assert.Equal(expected, Ina219Calibration.For(ohms, amps).Pga);

    /// <summary>Datasheet Equation 6: Corrected_Full_Scale_Cal = trunc(Cal × MeasShuntCurrent / INA219_Current).</summary>
    [Fact]
    public void An_ammeter_correction_scales_the_calibration_register()
    {
        // The ammeter read 0.98 A where the INA219 read 1.00 A: trunc(4096 × 0.98) = 4014.
        Assert.Equal(4014, Ina219Calibration.For(0.1, 2, correction: 0.98).Register);
    }

    [Fact]
    public void A_current_beyond_the_320_millivolt_range_has_no_calibration()
    {
        Assert.Contains("beyond the INA219's ±320 mV shunt range", Ina219Calibration.Problem(0.1, 4), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ina219Calibration.For(0.1, 4));
    }

    [Fact]
    public void The_void_bit_0_of_the_register_is_always_0()
    {
        // 0.5 Ω, 0.4 A: LSB 20 µA, Cal = trunc(0.04096 / 1e-5) = 4096; with a 0.9999 correction 4095 → 4094.
        Assert.Equal(4094, Ina219Calibration.For(0.5, 0.4, correction: 0.9999).Register);
    }
}
