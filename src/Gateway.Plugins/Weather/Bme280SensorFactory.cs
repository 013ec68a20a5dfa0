using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Weather;

/// <summary>Kit file type <c>bme280</c>: I2C, address 0x76 (SDO to GND) or 0x77 (SDO to VDDIO).</summary>
public sealed class Bme280SensorFactory : ISensorFactory
{
    private static readonly int[] s_addresses = [0x76, 0x77];

    public string Type => "bme280";

    public IReadOnlyList<string> Validate(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        if (I2cAddress.Check(definition.Address, s_addresses) is { } addressProblem)
        {
            problems.Add(addressProblem);
        }

        if (definition.Bus is < 0)
        {
            problems.Add($"Bus: {definition.Bus} is not an I2C bus number; use 1 for the Raspberry Pi header");
        }

        return problems;
    }

    public ISensor Create(SensorDefinition definition, IHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hardware);
        return new Bme280Sensor(hardware.OpenI2c(definition.Bus ?? 1, definition.Address!.Value));
    }
}
