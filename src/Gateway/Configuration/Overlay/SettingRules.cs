using System.Globalization;

namespace SmartVillage.Gateway.Configuration.Overlay;

/// <summary>What the admin page may set, checked the same way for a request and for a hand-edited overlay file.</summary>
public static class SettingRules
{
    public const int LongestName = 60;

    /// <summary>The kit validator's floor: drivers are not made for faster reads.</summary>
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>A day: anything slower is a sensor to disable, not to slow down.</summary>
    public static readonly TimeSpan LongestInterval = TimeSpan.FromDays(1);

    /// <returns>Null when <paramref name="name"/> may be shown as the site's name; otherwise what is wrong.</returns>
    public static string? NameProblem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            return "the name is empty; give the site a name people recognise, or reset it to the kit file's";
        }

        if (name.Length > LongestName)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the name has {name.Length} characters; at most {LongestName} fit on a phone");
        }

        return name.Any(char.IsControl) ? "the name holds a control character (a line break or tab); use plain text" : null;
    }

    /// <returns>Null when sensors may be read this often; otherwise what is wrong.</returns>
    public static string? IntervalProblem(TimeSpan interval) => IntervalProblem(interval.TotalSeconds);

    /// <returns>Null when sensors may be read every <paramref name="seconds"/>; otherwise what is wrong.</returns>
    public static string? IntervalProblem(double seconds) =>
        double.IsFinite(seconds) && seconds >= ShortestInterval.TotalSeconds && seconds <= LongestInterval.TotalSeconds
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{seconds:G6} s is outside {ShortestInterval.TotalSeconds} s to {LongestInterval.TotalSeconds:0} s (one day)");
}
