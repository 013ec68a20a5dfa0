using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Plugins.Tests.Calibration;

/// <summary>Domain reference §3.4: 59.16 mV/pH at 25 °C, about 54 at 0 °C and 64 at 50 °C.</summary>
public sealed class NernstTests
{
    [Theory]
    [InlineData(25, 59.16)]
    [InlineData(0, 54.20)]
    [InlineData(50, 64.12)]
    public void The_slope_is_proportional_to_absolute_temperature(double celsius, double millivoltsPerPh) =>
        Assert.Equal(millivoltsPerPh, Nernst.SlopeMillivoltsPerPh(celsius), 0.01);

    [Fact]
    public void An_ideal_electrode_at_minus_177_millivolts_and_25_degrees_reads_ph_10()
    {
        Assert.Equal(10.0, PhSegment.Ideal.Ph(-177.48, 25), 0.001);
    }

    [Fact]
    public void The_same_potential_is_read_further_from_7_in_cold_water()
    {
        Assert.True(PhSegment.Ideal.Ph(-177.48, 5) > PhSegment.Ideal.Ph(-177.48, 25));
    }
}
