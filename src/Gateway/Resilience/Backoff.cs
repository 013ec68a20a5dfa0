namespace SmartVillage.Gateway.Resilience;

/// <summary>
/// Exponential backoff with optional full jitter (delay drawn uniformly from zero to the capped exponential).
/// Full jitter matters when a village power cut brings every gateway back at once: without it they would all
/// retry the broker in lock-step.
/// </summary>
public sealed class Backoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _maximum;
    private readonly Random? _jitter;

    /// <param name="initial">Delay after the first failure (before jitter).</param>
    /// <param name="maximum">Cap on the delay.</param>
    /// <param name="jitter">Source of randomness for full jitter; null for plain exponential delays.</param>
    public Backoff(TimeSpan initial, TimeSpan maximum, Random? jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, initial);
        _initial = initial;
        _maximum = maximum;
        _jitter = jitter;
    }

    /// <summary>The delay before retry number <paramref name="failures"/> (1 = after the first failure).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var exponent = Math.Min(failures - 1, 30);
        var capped = Math.Min(_maximum.TotalMilliseconds, _initial.TotalMilliseconds * Math.Pow(2, exponent));
        var delay = _jitter is null ? capped : _jitter.NextDouble() * capped;
        return TimeSpan.FromMilliseconds(delay);
    }
}
