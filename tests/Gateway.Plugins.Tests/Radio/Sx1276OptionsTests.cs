using SmartVillage.Plugins.Radio.Sx127x;

namespace SmartVillage.Plugins.Tests.Radio;

public sealed class Sx1276OptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_listen_on_868_1_mhz()
    {
        var options = new Sx1276Options();

        Assert.Empty(options.Validate());
        Assert.Equal(868_100_000, options.ResolveFrequencyHz());
    }

    [Fact]
    public void A_custom_plan_without_a_frequency_is_reported_under_frequency_hz()
    {
        var options = new Sx1276Options { Plan = LoRaFrequencyPlan.Custom };

        Assert.StartsWith("FrequencyHz:", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_frequency_outside_the_plan_band_is_reported_under_frequency_hz()
    {
        var options = new Sx1276Options { Plan = LoRaFrequencyPlan.IN865, FrequencyHz = 868_100_000 };

        Assert.StartsWith("FrequencyHz:", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(13)]
    public void A_spreading_factor_outside_6_to_12_is_reported(int spreadingFactor)
    {
        var options = new Sx1276Options { SpreadingFactor = spreadingFactor };

        Assert.StartsWith("SpreadingFactor:", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Sf6_without_an_implicit_header_length_is_reported()
    {
        var options = new Sx1276Options { SpreadingFactor = 6 };

        Assert.StartsWith("ImplicitHeaderLength:", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Dio0_on_the_reset_pin_is_reported()
    {
        var options = new Sx1276Options { ResetPin = 22, Dio0Pin = 22 };

        Assert.StartsWith("Dio0Pin:", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }
}
