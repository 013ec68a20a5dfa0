using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Quality;

/// <summary>
/// Gives any sensor type the kit file's data-quality checks: wraps a factory, validates the
/// <c>&lt;quantity&gt;.Min/.Max/.MaxChangePerMinute/.StuckAfterMinutes</c> settings and wraps each sensor it builds.
/// Sensors without such settings are returned unwrapped.
/// </summary>
public sealed class QualityCheckedFactory : ISensorFactory
{
    private static readonly string[] s_suffixes = [".Min", ".Max", ".MaxChangePerMinute", ".StuckAfterMinutes"];
    private readonly ISensorFactory _inner;
    private readonly TimeProvider _time;

    public QualityCheckedFactory(ISensorFactory inner, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _time = time ?? TimeProvider.System;
    }

    public string Type => _inner.Type;

    /// <summary>The driver's own factory, for capabilities beyond <see cref="ISensorFactory"/> (calibration).</summary>
    public ISensorFactory Inner => _inner;

    public IReadOnlyList<string> Validate(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>(_inner.Validate(definition));
        foreach (var key in QualityKeys(definition))
        {
            SensorSettings.CheckNumber(definition, key, double.MinValue, double.MaxValue, problems);
        }

        return problems;
    }

    public ISensor Create(SensorDefinition definition, IHardware hardware)
    {
        var sensor = _inner.Create(definition, hardware);
        var rules = Rules(definition);
        return rules.Count == 0 ? sensor : new QualityCheckedSensor(sensor, new QualityMonitor(rules, _time));
    }

    /// <summary>The rules a definition's settings describe, by quantity.</summary>
    public static Dictionary<string, QualityRule> Rules(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return QualityKeys(definition)
            .Select(key => key[..key.LastIndexOf('.')])
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(
                quantity => quantity,
                quantity => new QualityRule(
                    SensorSettings.OptionalNumber(definition, quantity + ".Min"),
                    SensorSettings.OptionalNumber(definition, quantity + ".Max"),
                    SensorSettings.OptionalNumber(definition, quantity + ".MaxChangePerMinute"),
                    SensorSettings.OptionalNumber(definition, quantity + ".StuckAfterMinutes") is { } minutes
                        ? TimeSpan.FromMinutes(minutes)
                        : null),
                StringComparer.Ordinal);
    }

    private static IEnumerable<string> QualityKeys(SensorDefinition definition) =>
        definition.Settings.Keys.Where(k => s_suffixes.Any(s => k.EndsWith(s, StringComparison.OrdinalIgnoreCase) && k.Length > s.Length));
}
