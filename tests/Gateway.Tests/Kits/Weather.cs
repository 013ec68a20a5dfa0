namespace SmartVillage.Gateway.Tests.Kits;

/// <summary>Meteorology the kit tests check readings against.</summary>
public static class Weather
{
    /// <summary>Dew point by the Magnus formula (Sonntag coefficients over water), °C.</summary>
    public static double DewPoint(double celsius, double relativeHumidityPercent)
    {
        const double a = 17.62;
        const double b = 243.12;
        var gamma = Math.Log(relativeHumidityPercent / 100) + (a * celsius / (b + celsius));
        return b * gamma / (a - gamma);
    }

    /// <summary>The smallest angle between two directions, degrees (0-180).</summary>
    public static double AngleBetween(double first, double second)
    {
        var difference = Math.Abs(first - second) % 360;
        return difference > 180 ? 360 - difference : difference;
    }
}
