using SmartVillage.Gateway.Resilience;

namespace SmartVillage.Gateway.Tests.Upstream;

public sealed class BackoffTests
{
    [Fact]
    public void Delays_double_until_the_cap()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), jitter: null);

        Assert.Equal([1, 2, 4, 8, 10, 10], Enumerable.Range(1, 6).Select(n => backoff.DelayAfter(n).TotalSeconds));
    }

    [Fact]
    public void Full_jitter_spreads_delays_between_zero_and_the_capped_exponential()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(42));

        var delays = Enumerable.Range(0, 1000).Select(_ => backoff.DelayAfter(4).TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, 0, 8));
        Assert.True(delays.Min() < 1 && delays.Max() > 7, "delays should cover the whole range");
    }
}
