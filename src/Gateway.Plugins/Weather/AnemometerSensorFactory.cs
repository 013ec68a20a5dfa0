using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Weather;

/// <summary>
/// Kit file type <c>anemometer</c>: <c>Pin</c> is the BCM GPIO the reed switch pulls to ground. Settings:
/// <c>MetresPerSecondPerHertz</c> (default 0.6667: 2.4 km/h per closure per second, SparkFun/Argent kit),
/// <c>DebounceMs</c> (default 2; at 0.6667 m/s per Hz a 2 ms limit still counts 60 m/s winds).
/// </summary>
public sealed class AnemometerSensorFactory : ISensorFactory
{
    public const double DefaultMetresPerSecondPerHertz = 2.4 / 3.6;
    private readonly TimeProvider _time;

    public AnemometerSensorFactory(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public string Type => "anemometer";

    public IReadOnlyList<string> Validate(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        if (definition.Pin is not (>= 0 and <= 27))
        {
            problems.Add($"Pin: '{definition.Pin}' is not a header GPIO; use the BCM number 0-27 the reed switch is wired to");
        }

        SensorSettings.CheckNumber(definition, "MetresPerSecondPerHertz", 0.01, 10, problems);
        SensorSettings.CheckNumber(definition, "DebounceMs", 0, 50, problems);
        return problems;
    }

    public ISensor Create(SensorDefinition definition, IHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hardware);
        return new AnemometerSensor(
            hardware.Gpio,
            definition.Pin!.Value,
            SensorSettings.Number(definition, "MetresPerSecondPerHertz", DefaultMetresPerSecondPerHertz),
            new ReedSwitchDebouncer(_time, TimeSpan.FromMilliseconds(SensorSettings.Number(definition, "DebounceMs", 2))),
            _time);
    }
}
