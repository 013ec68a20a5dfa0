using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// Kit file type <c>a02yyuw-level</c>: <c>Port</c> is the UART (<c>/dev/serial0</c>). Settings: <c>TankDepthMetres</c>
/// (sensor face to tank bottom, required), <c>ResponseTimeoutMs</c> (default 300; the sensor answers in ~100 ms).
/// </summary>
public sealed class UltrasonicLevelSensorFactory : ISensorFactory
{
    private readonly TimeProvider _time;

    public UltrasonicLevelSensorFactory(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public string Type => "a02yyuw-level";

    public IReadOnlyList<string> Validate(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(definition.Port))
        {
            problems.Add("Port: missing; the UART the sensor is wired to, e.g. /dev/serial0");
        }

        if (!definition.Settings.ContainsKey("TankDepthMetres"))
        {
            problems.Add("Settings:TankDepthMetres: missing; measure from the sensor face to the tank bottom");
        }

        SensorSettings.CheckNumber(definition, "TankDepthMetres", 0.05, 4.5, problems);
        SensorSettings.CheckNumber(definition, "ResponseTimeoutMs", 50, 5000, problems);
        return problems;
    }

    public ISensor Create(SensorDefinition definition, IHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hardware);
        return new UltrasonicLevelSensor(
            hardware.OpenSerial(definition.Port!, 9600),
            _time,
            SensorSettings.Number(definition, "TankDepthMetres", 0),
            TimeSpan.FromMilliseconds(SensorSettings.Number(definition, "ResponseTimeoutMs", 300)));
    }
}
