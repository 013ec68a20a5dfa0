using Microsoft.Extensions.Time.Testing;
using SmartVillage.Gateway.Resilience;

namespace SmartVillage.Gateway.Tests.Upstream;

public sealed class TokenBucketTests
{
    [Fact]
    public async Task A_full_bucket_lets_one_seconds_worth_through_at_once()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(100, time);

        await bucket.SpendAsync(100, default);
    }

    [Fact]
    public async Task Spending_beyond_the_budget_waits_for_the_clock()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(100, time);
        await bucket.SpendAsync(100, default);

        var next = bucket.SpendAsync(50, default).AsTask();
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(250));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_message_larger_than_a_seconds_budget_is_delayed_not_refused()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(10, time);

        await bucket.SpendAsync(35, default);
        var next = bucket.SpendAsync(1, default).AsTask();
        time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.6));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
