using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Weather;

/// <summary>
/// Kit file type <c>rain-gauge</c>: <c>Pin</c> is the BCM GPIO the reed switch pulls to ground. Settings:
/// <c>MillimetresPerTip</c> (default 0.2794), <c>DebounceMs</c> (default 100), <c>TotalsFile</c>
/// (default <c>rain-&lt;id&gt;.json</c> in the data folder; a relative path is taken from the data folder).
/// </summary>
/// <remarks>The gateway passes the folder of its reading database as the data folder, so the totals live where the
/// service may write (<c>/var/lib/smartvillage</c> under systemd) and survive restarts with the readings.</remarks>
public sealed class RainGaugeSensorFactory : ISensorFactory
{
    public const double DefaultMillimetresPerTip = 0.2794;
    private readonly TimeProvider _time;
    private readonly string _dataFolder;

    /// <param name="dataFolder">Where totals files go; the working directory's <c>data</c> folder when null.</param>
    public RainGaugeSensorFactory(TimeProvider? time = null, string? dataFolder = null)
    {
        _time = time ?? TimeProvider.System;
        _dataFolder = Path.GetFullPath(dataFolder ?? "data");
    }

    public string Type => "rain-gauge";

    public IReadOnlyList<string> Validate(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        if (definition.Pin is not (>= 0 and <= 27))
        {
            problems.Add($"Pin: '{definition.Pin}' is not a header GPIO; use the BCM number 0-27 the reed switch is wired to");
        }

        SensorSettings.CheckNumber(definition, "MillimetresPerTip", 0.01, 10, problems);
        SensorSettings.CheckNumber(definition, "DebounceMs", 0, 1000, problems);
        return problems;
    }

    public ISensor Create(SensorDefinition definition, IHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hardware);
        var file = Path.GetFullPath(definition.Settings.GetValueOrDefault("TotalsFile") ?? $"rain-{definition.Id}.json", _dataFolder);
        return new RainGaugeSensor(
            hardware.Gpio,
            definition.Pin!.Value,
            SensorSettings.Number(definition, "MillimetresPerTip", DefaultMillimetresPerTip),
            new ReedSwitchDebouncer(_time, TimeSpan.FromMilliseconds(SensorSettings.Number(definition, "DebounceMs", 100))),
            new RainTotals(file, _time));
    }
}
