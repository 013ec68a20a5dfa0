namespace SmartVillage.Plugins.Decoders;

/// <summary>Applies a configured multiplier to a raw integer so that decimal resolutions give exact decimals.</summary>
internal static class Scaling
{
    /// <summary>
    /// <c>raw * scale</c>, except that a scale which is the reciprocal of an integer (0.1, 0.01, 0.5, 0.0001) is
    /// applied as a division. Why: 0.1 has no exact binary representation, so 272 * 0.1 is 27.200000000000003 while
    /// 272 / 10.0 is the double nearest 27.2. Node firmware scales by decimal steps; a dashboard showing 27.200000000000003
    /// or a rule comparing against 27.2 would be wrong for no reason.
    /// </summary>
    public static double Apply(double raw, double scale)
    {
        if (scale is > -1 and < 1 and not 0)
        {
            var divisor = 1 / scale;
            var rounded = Math.Round(divisor);
            if (Math.Abs(divisor - rounded) <= 1e-9 * Math.Abs(divisor))
            {
                return raw / rounded;
            }
        }

        return raw * scale;
    }
}
