using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Abstractions.Simulation;
using SmartVillage.Plugins.Adc;

namespace SmartVillage.Samples.LeafWetness;

/// <summary>
/// Kit file type <c>ads1115-leaf-wetness</c>: a resistive leaf-wetness grid whose module output (AO) is wired to an
/// ADS1115 input. <c>Address</c> 0x48-0x4B; settings <c>Channel</c> (0-3, required), <c>DryVolts</c> and
/// <c>WetVolts</c> (the module's output with the grid dry and soaked, measured on site; both or neither).
/// </summary>
/// <remarks>
/// The gateway finds this class because it is public, implements <see cref="ISensorFactory"/> and has a public
/// parameterless constructor. <see cref="ISimulatedSensorFactory"/> is optional: it lets a kit using this type run on
/// the gateway's simulated hardware (demo, CI, the tests in LeafWetness.Tests).
/// </remarks>
public sealed class LeafWetnessSensorFactory : ISensorFactory, ISimulatedSensorFactory
{
    // ADDR pin to GND, VDD, SDA or SCL (ADS1115 datasheet SBAS444, §9.5.1.1).
    private static readonly int[] s_addresses = [0x48, 0x49, 0x4A, 0x4B];

    public string Type => "ads1115-leaf-wetness";

    public IReadOnlyList<string> Validate(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        if (I2cAddress.Check(definition.Address, s_addresses) is { } address)
        {
            problems.Add(address);
        }

        if (definition.Bus is < 0)
        {
            problems.Add($"Bus: {definition.Bus} is not an I2C bus number; use 1 for the Raspberry Pi header");
        }

        if (!definition.Settings.ContainsKey("Channel"))
        {
            problems.Add("Settings:Channel: missing; the ADS1115 input the grid's AO pin is wired to, 0-3 (AIN0-AIN3)");
        }

        SensorSettings.CheckNumber(definition, "Channel", 0, 3, problems);
        SensorSettings.CheckNumber(definition, "DryVolts", 0, 5, problems);
        SensorSettings.CheckNumber(definition, "WetVolts", 0, 5, problems);
        if (problems.Count > 0)
        {
            return problems;
        }

        var dry = SensorSettings.OptionalNumber(definition, "DryVolts");
        var wet = SensorSettings.OptionalNumber(definition, "WetVolts");
        if ((dry is null) != (wet is null))
        {
            problems.Add($"Settings:{(dry is null ? "DryVolts" : "WetVolts")}: missing; give both DryVolts and WetVolts, or neither for the typical values");
        }
        else if (dry - wet < LeafWetnessSensor.MinimumSpanVolts)
        {
            problems.Add($"Settings:DryVolts: {dry} V must be at least {LeafWetnessSensor.MinimumSpanVolts} V above WetVolts {wet} V; " +
                "the module's output falls as water bridges the grid");
        }

        return problems;
    }

    public ISensor Create(SensorDefinition definition, IHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hardware);
        var channel = (int)SensorSettings.Number(definition, "Channel", 0);
        var input = new Ads1115Input(hardware.OpenI2c(definition.Bus ?? 1, definition.Address!.Value), channel);
        return new LeafWetnessSensor(
            input, definition.Address.Value, SensorSettings.OptionalNumber(definition, "DryVolts"), SensorSettings.OptionalNumber(definition, "WetVolts"));
    }

    public SimulatedDevice Simulate(SensorDefinition definition, Func<SimulatedConditions> world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return SimulatedDevice.ProbeOnAds1115(() => SimulatedLeafGrid.Volts(world()));
    }
}
