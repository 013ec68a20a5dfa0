using System.Device.Gpio;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// Kit file type <c>float-switch</c>: <c>Pin</c> is the BCM GPIO the switch is wired to. Settings:
/// <c>ActiveLevel</c> (<c>low</c>, default: the switch closes to GND when the float lifts; <c>high</c>),
/// <c>Pull</c> (<c>up</c>, <c>down</c> or <c>none</c>; default up for an active-low switch, down for active-high),
/// <c>SettleMs</c> (default 2000: how long a new level must hold before it counts), <c>HeightMetres</c> (the
/// switch's height above the tank bottom, for the wiring sheet and the simulation).
/// </summary>
public sealed class FloatSwitchSensorFactory : ISensorFactory
{
    private readonly TimeProvider _time;

    public FloatSwitchSensorFactory(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public string Type => "float-switch";

    public IReadOnlyList<string> Validate(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        if (definition.Pin is not (>= 0 and <= 27))
        {
            problems.Add($"Pin: '{definition.Pin}' is not a header GPIO; use the BCM number 0-27 the float switch is wired to");
        }

        if (definition.Settings.GetValueOrDefault("ActiveLevel") is { } level && ActiveLevel(level) is null)
        {
            problems.Add($"Settings:ActiveLevel: '{level}' is not low or high");
        }

        if (definition.Settings.GetValueOrDefault("Pull") is { } pull && InputMode(pull) is null)
        {
            problems.Add($"Settings:Pull: '{pull}' is not up, down or none");
        }

        SensorSettings.CheckNumber(definition, "SettleMs", 0, 600_000, problems);
        SensorSettings.CheckNumber(definition, "HeightMetres", 0, 20, problems);
        return problems;
    }

    public ISensor Create(SensorDefinition definition, IHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hardware);
        var active = ActiveLevel(definition.Settings.GetValueOrDefault("ActiveLevel") ?? "low")!.Value;
        var pull = definition.Settings.GetValueOrDefault("Pull") ?? (active == PinValue.Low ? "up" : "down");
        return new FloatSwitchSensor(
            hardware.Gpio,
            definition.Pin!.Value,
            active,
            InputMode(pull)!.Value,
            TimeSpan.FromMilliseconds(SensorSettings.Number(definition, "SettleMs", 2000)),
            _time);
    }

    /// <summary>The level meaning "float lifted" for a kit-file value, or null.</summary>
    public static PinValue? ActiveLevel(string text) => text.ToUpperInvariant() switch
    {
        "LOW" => PinValue.Low,
        "HIGH" => PinValue.High,
        _ => null,
    };

    /// <summary>The input mode for a kit-file pull value, or null.</summary>
    public static PinMode? InputMode(string text) => text.ToUpperInvariant() switch
    {
        "UP" => PinMode.InputPullUp,
        "DOWN" => PinMode.InputPullDown,
        "NONE" => PinMode.Input,
        _ => null,
    };
}
