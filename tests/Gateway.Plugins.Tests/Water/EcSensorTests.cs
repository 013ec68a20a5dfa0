using SmartVillage.Hardware.Simulation.Devices.Analog;
using SmartVillage.Plugins.Tests.Support;
using SmartVillage.Plugins.Water;

namespace SmartVillage.Plugins.Tests.Water;

public sealed class EcSensorTests : IDisposable
{
    private readonly WaterKit _water = new();

    [Fact]
    public async Task Conductivity_is_reported_compensated_to_25_degrees()
    {
        using var sensor = Attach();

        var conductivity = (await sensor.ReadAsync(CancellationToken.None)).Only("conductivity");

        var now = _water.Kit.Environment.Current;
        var at25 = now.WaterConductivityMicrosiemensPerCentimetre / (1 + (0.02 * (now.WaterTemperatureCelsius - 25)));
        Assert.Equal(at25 * 1e-4, conductivity.Value, 0.0002);
        Assert.Equal("S/m", conductivity.Unit);
    }

    /// <summary>DFRobot's calibration standard: 1413 µS/cm at 25 °C is 707 ppm at factor 0.5 (domain reference §3.5).</summary>
    [Fact]
    public async Task The_1413_standard_reads_0_1413_siemens_per_metre_and_707_ppm()
    {
        using var sensor = Attach();
        _water.Kit.Model<AnalogEcProbe>("tank-ec").StandardMicrosiemensAt25 = 1413;

        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.Equal(0.1413, sample.Only("conductivity").Value, 0.0003);
        Assert.Equal(706.5, sample.Only("tds").Value, 1.5);
    }

    [Fact]
    public async Task The_tds_factor_is_configurable_per_site()
    {
        using var sensor = Attach(("TdsFactor", "0.64"));
        _water.Kit.Model<AnalogEcProbe>("tank-ec").StandardMicrosiemensAt25 = 1000;

        var tds = (await sensor.ReadAsync(CancellationToken.None)).Only("tds");

        Assert.Equal(640, tds.Value, 1.5);
    }

    private EcSensor Attach(params (string Key, string Value)[] extra) =>
        (EcSensor)_water.Attach(
            new EcSensorFactory(),
            WaterKit.Define("tank-ec", "ads1115-ec", [("Channel", "1"), ("TemperatureDeviceId", WaterKit.ThermometerId), .. extra]));

    public void Dispose() => _water.Dispose();
}
