using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Devices.Ds18b20;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Tests.Devices;

public sealed class Ds18b20ModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("w1-test-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>The scratchpad in the binding's documentation: 7f 01 ... with CRC 33h, 0x017F = 23.9375 °C.</summary>
    [Fact]
    public void The_documented_scratchpad_has_crc_33()
    {
        Assert.Equal(0x33, Ds18b20Model.Crc8([0x7F, 0x01, 0x4B, 0x46, 0x7F, 0xFF, 0x01, 0x10]));
    }

    [Fact]
    public void The_slave_file_shows_the_temperature_in_millidegrees_with_a_good_crc()
    {
        var text = Ds18b20Model.SlaveText(23.9375);

        Assert.EndsWith("t=23937\n", text, StringComparison.Ordinal);
        Assert.Contains("YES", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupted_scratchpad_says_no()
    {
        Assert.Contains(" NO\n", Ds18b20Model.SlaveText(20, corrupt: true), StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_follows_the_environment_as_the_clock_moves()
    {
        var environment = new SimulatedEnvironment(ScenarioCatalog.ClearDay, _time);
        using var model = new Ds18b20Model(environment, _folder, "28-000000000001", c => c.AirTemperatureCelsius, _time);
        var before = File.ReadAllText(model.SlaveFile);

        _time.Advance(TimeSpan.FromHours(15));

        Assert.NotEqual(before, File.ReadAllText(model.SlaveFile));
        Assert.Equal(Ds18b20Model.SlaveText(environment.Current.AirTemperatureCelsius), File.ReadAllText(model.SlaveFile));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
