using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Tests.Support;

public static class Samples
{
    /// <summary>The one measurement of <paramref name="quantity"/>; fails the test when the read failed.</summary>
    public static Measurement Only(this SensorSample sample, string quantity)
    {
        Assert.True(sample.IsSuccess, sample.Error);
        return Assert.Single(sample.Measurements, m => m.Quantity == quantity);
    }
}
