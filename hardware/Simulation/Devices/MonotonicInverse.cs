namespace SmartVillage.Hardware.Simulation.Devices;

/// <summary>
/// Finds the raw ADC code a sensor would output for a physical value by binary search over the monotonic
/// compensation function: simpler and easier to trust than rearranging each datasheet formula.
/// </summary>
public static class MonotonicInverse
{
    /// <summary>The code in [<paramref name="lowest"/>, <paramref name="highest"/>] whose value is nearest
    /// <paramref name="target"/>, for <paramref name="compensate"/> non-decreasing or non-increasing.</summary>
    public static int Nearest(Func<int, double> compensate, double target, int lowest, int highest)
    {
        ArgumentNullException.ThrowIfNull(compensate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lowest, highest);
        var increasing = compensate(highest) >= compensate(lowest);
        int lo = lowest, hi = highest;

        // Invariant: the first code at or past the target lies in [lo, hi].
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var value = compensate(mid);
            if (increasing ? value < target : value > target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo > lowest && Math.Abs(compensate(lo - 1) - target) <= Math.Abs(compensate(lo) - target) ? lo - 1 : lo;
    }
}
