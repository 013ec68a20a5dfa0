using System.Text.RegularExpressions;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.OneWire;

/// <summary>
/// Kit file type <c>ds18b20</c>. Settings: <c>DeviceId</c> (<c>28-</c> and 12 hex digits, as listed in
/// <c>/sys/bus/w1/devices</c>); <c>Medium</c> (<c>soil</c>, <c>water</c> or <c>air</c>: what the probe sits in,
/// used by the simulation and shown on the wiring sheet).
/// </summary>
public sealed partial class Ds18b20SensorFactory : ISensorFactory
{
    public string Type => "ds18b20";

    public IReadOnlyList<string> Validate(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        var id = definition.Settings.GetValueOrDefault("DeviceId");
        if (id is null || !DeviceIdPattern().IsMatch(id))
        {
            problems.Add($"Settings:DeviceId: '{id}' is not a DS18B20 id; use the folder name under /sys/bus/w1/devices, e.g. 28-0316a2794bff");
        }

        if (definition.Settings.GetValueOrDefault("Medium") is { } medium
            && medium.ToUpperInvariant() is not ("SOIL" or "WATER" or "AIR"))
        {
            problems.Add($"Settings:Medium: '{medium}' is not soil, water or air");
        }

        return problems;
    }

    public ISensor Create(SensorDefinition definition, IHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hardware);
        return new Ds18b20Sensor(new Ds18b20Thermometer(hardware.OneWireFolder, definition.Settings["DeviceId"]));
    }

    [GeneratedRegex("^28-[0-9a-fA-F]{12}$")]
    private static partial Regex DeviceIdPattern();
}
