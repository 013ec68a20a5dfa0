using System.Device.I2c;
using Iot.Device.Sht4x;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.I2c;

namespace SmartVillage.Plugins.Sensirion;

/// <summary>
/// Kit file type <c>sht4x</c>: I2C, address 0x44 (SHT4x-AD), 0x45 (-BD) or 0x46 (-CD), fixed per part number.
/// Settings: <c>Repeatability</c> <c>high</c> (default) or <c>medium</c>.
/// </summary>
public sealed class Sht4xSensorFactory : I2cSensorFactory
{
    private static readonly int[] s_addresses = [0x44, 0x45, 0x46];

    public override string Type => "sht4x";

    protected override IReadOnlyCollection<int> Addresses => s_addresses;

    protected override void ValidateSettings(SensorDefinition definition, List<string> problems)
    {
        if (definition.Settings.GetValueOrDefault("Repeatability") is { } text && Parse(text) is null)
        {
            problems.Add($"Settings:Repeatability: '{text}' is not high or medium");
        }
    }

    protected override ISensor Create(SensorDefinition definition, I2cDevice device) =>
        new Sht4xSensor(device, Parse(definition.Settings.GetValueOrDefault("Repeatability") ?? "high")!.Value);

    private static Sht4xRepeatability? Parse(string text) => text.ToUpperInvariant() switch
    {
        "HIGH" => Sht4xRepeatability.High,
        "MEDIUM" => Sht4xRepeatability.Medium,
        _ => null,
    };
}
