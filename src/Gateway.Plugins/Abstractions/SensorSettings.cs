using System.Globalization;

namespace SmartVillage.Plugins.Abstractions;

/// <summary>Typed access to <see cref="SensorDefinition.Settings"/>; every problem names the key and the fix.</summary>
public static class SensorSettings
{
    /// <summary>The number under <paramref name="key"/>, or <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="FormatException">The value is not a number (Validate reports this first).</exception>
    public static double Number(SensorDefinition definition, string key, double fallback)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Settings.TryGetValue(key, out var text)
            ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
            : fallback;
    }

    /// <summary>The number under <paramref name="key"/>, or null when absent.</summary>
    public static double? OptionalNumber(SensorDefinition definition, string key)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Settings.ContainsKey(key) ? Number(definition, key, 0) : null;
    }

    /// <summary>Adds a problem when <paramref name="key"/> is present but not a number in [min, max].</summary>
    public static void CheckNumber(SensorDefinition definition, string key, double min, double max, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(problems);
        if (!definition.Settings.TryGetValue(key, out var text))
        {
            return;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            problems.Add($"Settings:{key}: '{text}' is not a number; write it with a decimal point, e.g. 1.25");
        }
        else if (value < min || value > max)
        {
            problems.Add($"Settings:{key}: {value.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>Comma-separated numbers under <paramref name="key"/>, or <paramref name="fallback"/> when absent.</summary>
    public static IReadOnlyList<double> Numbers(SensorDefinition definition, string key, IReadOnlyList<double> fallback)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Settings.TryGetValue(key, out var text)
            ? [.. text.Split(',', StringSplitOptions.TrimEntries).Select(t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture))]
            : fallback;
    }
}
