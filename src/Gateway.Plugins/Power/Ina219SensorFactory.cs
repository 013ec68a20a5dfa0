using System.Device.I2c;
using Iot.Device.Adc;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.I2c;

namespace SmartVillage.Plugins.Power;

/// <summary>
/// Kit file type <c>ina219</c>: I2C, address 0x40-0x4F (A0/A1 pins, datasheet §8.5.5.1). Settings:
/// <c>ShuntOhms</c> (default 0.1, the breakout boards' R100), <c>MaxExpectedAmps</c> (default 2; sets the
/// current resolution and the shunt range), <c>CurrentCorrection</c> (ammeter / INA219 reading, default 1),
/// <c>BusVoltageRange</c> (<c>32</c> default, or <c>16</c>), <c>Circuit</c> (<c>battery</c>, <c>solar</c> or
/// <c>load</c>: what the shunt sits in, for the wiring sheet and the simulation).
/// </summary>
public sealed class Ina219SensorFactory : I2cSensorFactory
{
    public const double DefaultShuntOhms = 0.1;
    public const double DefaultMaxExpectedAmps = 2;
    private static readonly int[] s_addresses = [.. Enumerable.Range(0x40, 16)];

    public override string Type => "ina219";

    protected override IReadOnlyCollection<int> Addresses => s_addresses;

    protected override void ValidateSettings(SensorDefinition definition, List<string> problems)
    {
        SensorSettings.CheckNumber(definition, "ShuntOhms", 0.0005, 10, problems);
        SensorSettings.CheckNumber(definition, "MaxExpectedAmps", 0.001, 100, problems);
        SensorSettings.CheckNumber(definition, "CurrentCorrection", 0.5, 2, problems);
        if (definition.Settings.GetValueOrDefault("BusVoltageRange") is { } range && range is not ("16" or "32"))
        {
            problems.Add($"Settings:BusVoltageRange: '{range}' is not 16 or 32 (volts)");
        }

        if (definition.Settings.GetValueOrDefault("Circuit") is { } circuit && circuit.ToUpperInvariant() is not ("BATTERY" or "SOLAR" or "LOAD"))
        {
            problems.Add($"Settings:Circuit: '{circuit}' is not battery, solar or load");
        }

        if (problems.Count == 0 && Ina219Calibration.Problem(
                SensorSettings.Number(definition, "ShuntOhms", DefaultShuntOhms),
                SensorSettings.Number(definition, "MaxExpectedAmps", DefaultMaxExpectedAmps),
                SensorSettings.Number(definition, "CurrentCorrection", 1)) is { } problem)
        {
            problems.Add($"Settings:MaxExpectedAmps: {problem}");
        }
    }

    protected override ISensor Create(SensorDefinition definition, I2cDevice device) =>
        new Ina219Sensor(
            device,
            Calibration(definition),
            definition.Settings.GetValueOrDefault("BusVoltageRange") == "16" ? Ina219BusVoltageRange.Range16v : Ina219BusVoltageRange.Range32v);

    private static Ina219Calibration Calibration(SensorDefinition definition) =>
        Ina219Calibration.For(
            SensorSettings.Number(definition, "ShuntOhms", DefaultShuntOhms),
            SensorSettings.Number(definition, "MaxExpectedAmps", DefaultMaxExpectedAmps),
            SensorSettings.Number(definition, "CurrentCorrection", 1));
}
