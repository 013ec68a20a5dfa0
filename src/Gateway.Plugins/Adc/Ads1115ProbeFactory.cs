using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Adc;

/// <summary>
/// Shared part of every "probe on an ADS1115 input" sensor type: I2C address 0x48-0x4B (ADDR pin to GND, VDD, SDA,
/// SCL; datasheet §9.5.1.1) and <c>Settings:Channel</c> 0-3 (AIN0-AIN3, single-ended).
/// </summary>
public abstract class Ads1115ProbeFactory : ISensorFactory
{
    private static readonly int[] s_addresses = [0x48, 0x49, 0x4A, 0x4B];

    public abstract string Type { get; }

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

        if (!definition.Settings.ContainsKey("Channel"))
        {
            problems.Add("Settings:Channel: missing; the ADS1115 input the probe is wired to, 0-3 (AIN0-AIN3)");
        }

        SensorSettings.CheckNumber(definition, "Channel", 0, 3, problems);
        ValidateProbe(definition, problems);
        return problems;
    }

    public ISensor Create(SensorDefinition definition, IHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hardware);
        var channel = (int)SensorSettings.Number(definition, "Channel", 0);
        var input = new Ads1115Input(hardware.OpenI2c(definition.Bus ?? 1, definition.Address!.Value), channel);
        try
        {
            return Create(definition, input, hardware);
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    /// <summary>Adds problems with the probe's own settings.</summary>
    protected abstract void ValidateProbe(SensorDefinition definition, List<string> problems);

    /// <summary>Builds the sensor over its input; the sensor owns and disposes <paramref name="input"/>.</summary>
    protected abstract ISensor Create(SensorDefinition definition, Ads1115Input input, IHardware hardware);
}
