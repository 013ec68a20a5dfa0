using System.Device.I2c;
using Iot.Device.Sht3x;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.I2c;

namespace SmartVillage.Plugins.Sensirion;

/// <summary>
/// Kit file type <c>sht3x</c>: I2C, address 0x44 (ADDR to GND) or 0x45 (ADDR to VDD). Settings:
/// <c>Repeatability</c> <c>high</c> (default), <c>medium</c> or <c>low</c> (noise against measurement time:
/// 15, 6 or 4 ms at most).
/// </summary>
public sealed class Sht3xSensorFactory : I2cSensorFactory
{
    private static readonly int[] s_addresses = [0x44, 0x45];

    public override string Type => "sht3x";

    protected override IReadOnlyCollection<int> Addresses => s_addresses;

    protected override void ValidateSettings(SensorDefinition definition, List<string> problems)
    {
        if (definition.Settings.GetValueOrDefault("Repeatability") is { } text && Parse(text) is null)
        {
            problems.Add($"Settings:Repeatability: '{text}' is not high, medium or low");
        }
    }

    protected override ISensor Create(SensorDefinition definition, I2cDevice device) =>
        new Sht3xSensor(device, Parse(definition.Settings.GetValueOrDefault("Repeatability") ?? "high")!.Value);

    private static Resolution? Parse(string text) => text.ToUpperInvariant() switch
    {
        "HIGH" => Resolution.High,
        "MEDIUM" => Resolution.Medium,
        "LOW" => Resolution.Low,
        _ => null,
    };
}
