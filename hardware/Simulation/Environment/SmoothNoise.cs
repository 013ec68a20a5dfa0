namespace SmartVillage.Hardware.Simulation.EnvironmentModel;

/// <summary>
/// Deterministic, smooth noise as a function of time: seeded random values at evenly spaced knots, eased between.
/// The same seed and instant always give the same value, however often and in whatever order it is asked,
/// so two sensors reading at the same moment see the same world and a test can replay a day.
/// </summary>
public sealed class SmoothNoise
{
    private readonly ulong _stream;
    private readonly long _knotTicks;

    /// <param name="seed">Kit seed.</param>
    /// <param name="stream">Distinguishes quantities sharing a seed (temperature, humidity, ...).</param>
    /// <param name="knotSpacing">Time between independent values; shorter is more jittery.</param>
    public SmoothNoise(int seed, int stream, TimeSpan knotSpacing)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(knotSpacing, TimeSpan.Zero);
        _stream = ((ulong)(uint)seed << 32) | (uint)stream;
        _knotTicks = knotSpacing.Ticks;
    }

    /// <returns>A value in [-1, 1].</returns>
    public double At(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        var knot = Math.DivRem(ticks, _knotTicks, out var remainder);
        var t = (double)remainder / _knotTicks;
        var eased = t * t * (3 - (2 * t));
        var a = Knot(knot);
        var b = Knot(knot + 1);
        return a + ((b - a) * eased);
    }

    /// <summary>A stable value in [-1, 1] for one knot (SplitMix64 finaliser: not <see cref="HashCode"/>, which
    /// is randomised per process).</summary>
    private double Knot(long index)
    {
        var z = _stream ^ ((ulong)index * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return ((z >> 11) * (1.0 / (1UL << 53)) * 2) - 1;
    }
}
