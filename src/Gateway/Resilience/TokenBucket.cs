namespace SmartVillage.Gateway.Resilience;

/// <summary>
/// A rate budget: <c>rate</c> units per second, with bursts up to one second's worth. Refilled from the monotonic
/// clock, so a wall-clock jump neither grants a windfall nor stalls the link. Not thread-safe: one owner.
/// </summary>
public sealed class TokenBucket
{
    private readonly double _ratePerSecond;
    private readonly double _capacity;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _refilledAt;

    public TokenBucket(double ratePerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentNullException.ThrowIfNull(time);
        _ratePerSecond = ratePerSecond;
        _capacity = ratePerSecond;
        _time = time;
        _tokens = _capacity;
        _refilledAt = time.GetTimestamp();
    }

    /// <summary>
    /// Waits until <paramref name="cost"/> units may be spent, then spends them. A cost above one second's budget is
    /// allowed once the bucket is full and leaves it in debt, so a large message is delayed, never refused.
    /// </summary>
    public async ValueTask SpendAsync(double cost, CancellationToken cancellationToken)
    {
        Refill();
        var needed = Math.Min(cost, _capacity);
        while (_tokens < needed)
        {
            var wait = TimeSpan.FromSeconds((needed - _tokens) / _ratePerSecond);
            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken).ConfigureAwait(false);
            Refill();
        }

        _tokens -= cost;
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_refilledAt, now).TotalSeconds * _ratePerSecond));
        _refilledAt = now;
    }
}
