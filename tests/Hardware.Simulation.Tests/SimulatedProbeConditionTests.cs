using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Devices.Analog;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Hardware.Simulation.Tests;

/// <summary>A kit file gives a simulated probe its condition, so a worn electrode can be rehearsed and tested.</summary>
public sealed class SimulatedProbeConditionTests
{
    private readonly SimulatedKit _kit = new("clear-day", new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void A_ph_electrode_takes_its_slope_and_offset_from_the_kit_file()
    {
        Assert.Null(_kit.Attach(Probe("worn-ph", "ads1115-ph", ("SimulatedSlopePercent", "70"), ("SimulatedOffsetMillivolts", "-12"))));

        var probe = _kit.Model<AnalogPhProbe>("worn-ph");

        Assert.Equal(0.70, probe.SlopeFraction, 6);
        Assert.Equal(-12, probe.OffsetMillivolts);
        Assert.Equal(-12 - (0.70 * 59.16 * 3), probe.ElectrodeMillivolts(10, 25), 0.05); // pH 10 buffer at 25 °C.
    }

    [Fact]
    public void Without_settings_a_ph_electrode_is_a_good_one()
    {
        Assert.Null(_kit.Attach(Probe("tank-ph", "ads1115-ph")));

        Assert.Equal(0.98, _kit.Model<AnalogPhProbe>("tank-ph").SlopeFraction, 6);
    }

    [Fact]
    public void An_ec_probe_with_a_larger_cell_constant_gives_the_board_less_signal_in_a_standard()
    {
        Assert.Null(_kit.Attach(Probe("nominal-ec", "ads1115-ec")));
        Assert.Null(_kit.Attach(Probe("fouled-ec", "ads1115-ec", ("Channel", "1"), ("SimulatedCellConstant", "1.25"))));
        var nominal = _kit.Model<AnalogEcProbe>("nominal-ec");
        var fouled = _kit.Model<AnalogEcProbe>("fouled-ec");
        nominal.StandardMicrosiemensAt25 = fouled.StandardMicrosiemensAt25 = 1413;

        var conditions = _kit.Environment.Current;
        var factor = 1 + (0.02 * (conditions.WaterTemperatureCelsius - 25));

        Assert.Equal(1413, AnalogEcProbe.CurveMicrosiemens(nominal.Volts(conditions) / factor), 0.5);
        Assert.Equal(1413 / 1.25, AnalogEcProbe.CurveMicrosiemens(fouled.Volts(conditions) / factor), 0.5);
    }

    [Fact]
    public void A_condition_that_is_not_a_number_is_refused_naming_the_key()
    {
        var reason = _kit.Attach(Probe("tank-ph", "ads1115-ph", ("SimulatedSlopePercent", "worn")));

        Assert.Equal("Settings:SimulatedSlopePercent: 'worn' is not a number in 10..150", reason);
    }

    private static SensorDefinition Probe(string id, string type, params (string Key, string Value)[] settings)
    {
        var definition = new SensorDefinition { Id = id, Type = type, Bus = 1, Address = 0x48 };
        definition.Settings["Channel"] = "0";
        foreach (var (key, value) in settings)
        {
            definition.Settings[key] = value;
        }

        return definition;
    }
}
