using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Abstractions.Simulation;
using SmartVillage.Plugins.Adc;

namespace SmartVillage.Hardware.Simulation.Tests;

/// <summary>Devices a sensor type outside the kit describes through the plugin contract, placed on the kit's buses.</summary>
public sealed class DescribedDeviceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_described_chip_answers_at_the_address_of_its_definition()
    {
        var kit = new SimulatedKit("clear-day", _time);
        var chip = new TwoRegisterChip { Registers = { [1] = 0xAB } };
        Assert.Null(kit.Attach(Chip("gauge", 0x40), SimulatedDevice.I2cChip(chip)));
        using var device = kit.OpenI2c(1, 0x40);

        device.WriteByte(0x01);
        var value = device.ReadByte();

        Assert.Equal(0xAB, value);
    }

    [Fact]
    public void A_fault_injected_at_a_described_chip_reaches_its_driver()
    {
        var kit = new SimulatedKit("clear-day", _time);
        Assert.Null(kit.Attach(Chip("gauge", 0x40), SimulatedDevice.I2cChip(new TwoRegisterChip())));
        kit.InjectI2cFault(1, 0x40, I2cFault.Nack);
        using var device = kit.OpenI2c(1, 0x40);

        Assert.Throws<IOException>(() => device.WriteByte(0x00));
    }

    [Fact]
    public void A_described_probe_shares_an_ads1115_with_a_built_in_probe_each_on_its_own_input()
    {
        var kit = new SimulatedKit("clear-day", _time);
        Assert.Null(kit.Attach(Probe("bed-1-moisture", "ads1115-soil-moisture", channel: 0)));
        Assert.Null(kit.Attach(Probe("leaves", "vendor-leaf-wetness", channel: 2), SimulatedDevice.ProbeOnAds1115(() => 1.234)));
        using var soil = new Ads1115Input(kit.OpenI2c(1, 0x48), 0);
        using var leaves = new Ads1115Input(kit.OpenI2c(1, 0x48), 2);

        Assert.Equal(1.234, leaves.ReadVolts(), 0.001);
        Assert.Equal(kit.Ads1115At(1, 0x48)!.InputVolts(0), soil.ReadVolts(), 0.001);
    }

    [Fact]
    public void A_described_probe_cannot_share_its_address_with_another_chip()
    {
        var kit = new SimulatedKit("clear-day", _time);
        Assert.Null(kit.Attach(Chip("gauge", 0x48), SimulatedDevice.I2cChip(new TwoRegisterChip())));

        var reason = kit.Attach(Probe("leaves", "vendor-leaf-wetness", channel: 2), SimulatedDevice.ProbeOnAds1115(() => 1.0));

        Assert.Equal("I2C bus 1 address 0x48 already holds sensor 'gauge' (vendor-gauge); an ADS1115 cannot share its address", reason);
    }

    [Fact]
    public void The_conditions_plugins_see_are_the_kits_environment_now()
    {
        var kit = new SimulatedKit("storm", _time);
        _time.Advance(TimeSpan.FromHours(2));

        var seen = kit.Conditions();

        var now = kit.Environment.Current;
        Assert.Equal(now.Time, seen.Time);
        Assert.Equal(now.RelativeHumidityPercent, seen.RelativeHumidityPercent);
        Assert.Equal(now.RainRateMillimetresPerHour, seen.RainRateMillimetresPerHour);
        Assert.Equal(now.SoilMoistureVwc, seen.SoilMoistureVwc);
        Assert.True(seen.RainRateMillimetresPerHour > 0, "it rains two hours into the storm");
    }

    private static SensorDefinition Chip(string id, int address) => new() { Id = id, Type = "vendor-gauge", Bus = 1, Address = address };

    private static SensorDefinition Probe(string id, string type, int channel)
    {
        var definition = new SensorDefinition { Id = id, Type = type, Bus = 1, Address = 0x48 };
        definition.Settings["Channel"] = channel.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return definition;
    }

    /// <summary>The smallest register chip a plugin might describe: a pointer byte, then reads from the pointed register.</summary>
    private sealed class TwoRegisterChip : II2cChipModel
    {
        private int _pointer;

        public byte[] Registers { get; } = new byte[2];

        public void Write(ReadOnlySpan<byte> data)
        {
            if (!data.IsEmpty)
            {
                _pointer = data[0] % Registers.Length;
            }
        }

        public void Read(Span<byte> buffer)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = Registers[(_pointer + i) % Registers.Length];
            }
        }
    }
}
