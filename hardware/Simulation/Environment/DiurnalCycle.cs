namespace SmartVillage.Hardware.Simulation.EnvironmentModel;

/// <summary>
/// The shape of a fair-weather day: -1 at the temperature minimum (06:00 solar time, around sunrise),
/// +1 at the maximum (15:00, a few hours after solar noon because the ground keeps heating the air).
/// Warming takes 9 hours and cooling 15, each a half cosine, so the curve is smooth at both turning points.
/// </summary>
public static class DiurnalCycle
{
    public const double MinimumHour = 6;
    public const double MaximumHour = 15;

    /// <param name="solarHour">Hour of the solar day, 0 to 24.</param>
    /// <returns>-1 (coolest) to +1 (warmest).</returns>
    public static double Shape(double solarHour)
    {
        var hour = ((solarHour % 24) + 24) % 24;
        if (hour >= MinimumHour && hour < MaximumHour)
        {
            return -Math.Cos(Math.PI * (hour - MinimumHour) / (MaximumHour - MinimumHour));
        }

        var sinceMaximum = (hour - MaximumHour + 24) % 24;
        return Math.Cos(Math.PI * sinceMaximum / (24 - (MaximumHour - MinimumHour)));
    }

    /// <summary>
    /// Solar hour at <paramref name="time"/>, approximated by the local zone's standard time (its base UTC offset,
    /// so daylight saving does not move the sun). Good to within the zone's offset from the site's longitude.
    /// </summary>
    public static double SolarHour(DateTimeOffset time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var standard = time.UtcDateTime + zone.BaseUtcOffset;
        return standard.TimeOfDay.TotalHours;
    }
}
