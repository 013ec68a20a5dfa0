using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.Devices.Analog;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Soil;
using SmartVillage.Plugins.Tests.Support;

namespace SmartVillage.Plugins.Tests.Soil;

/// <summary>Capacitive probes on a simulated ADS1115, read through the real Iot.Device.Bindings driver.</summary>
public sealed class CapacitiveSoilMoistureSensorTests
{
    private readonly CapacitiveSoilMoistureSensorFactory _factory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SimulatedKit _kit;

    public CapacitiveSoilMoistureSensorTests() => _kit = new SimulatedKit("dry-spell", _time);

    [Fact]
    public async Task A_calibrated_probe_reports_the_soil_water_content_of_the_environment()
    {
        using var sensor = Attach(Probe("bed-1", 0, calibrated: true));

        var vwc = (await sensor.ReadAsync(CancellationToken.None)).Only("soil-vwc");

        Assert.Equal(_kit.Environment.Current.SoilMoistureVwc, vwc.Value, 0.002);
        Assert.Equal("/", vwc.Unit);
        Assert.Equal(ReadingQuality.Good, vwc.Quality);
    }

    [Fact]
    public async Task A_reading_carries_the_probe_voltage_as_its_raw_value()
    {
        using var sensor = Attach(Probe("bed-1", 0, calibrated: true));

        var vwc = (await sensor.ReadAsync(CancellationToken.None)).Only("soil-vwc");

        var expected = _kit.Model<CapacitiveSoilProbe>("bed-1").Volts(_kit.Environment.Current);
        Assert.Equal(expected, vwc.RawValue!.Value, 0.0002);
        Assert.Equal("V", vwc.RawUnit);
    }

    [Fact]
    public async Task Without_air_and_water_points_readings_are_flagged_uncalibrated()
    {
        using var sensor = Attach(Probe("bed-1", 0, calibrated: false));

        var vwc = (await sensor.ReadAsync(CancellationToken.None)).Only("soil-vwc");

        Assert.True(vwc.Quality.HasFlag(ReadingQuality.Uncalibrated));
    }

    [Fact]
    public async Task Two_probes_on_one_adc_each_read_their_own_input()
    {
        using var soil = Attach(Probe("bed-1", 0, calibrated: true));
        using var bucket = Attach(Probe("bucket", 1, calibrated: true));
        _kit.Model<CapacitiveSoilProbe>("bucket").HeldInVwc = 1;

        var inSoil = (await soil.ReadAsync(CancellationToken.None)).Only("soil-vwc");
        var inWater = (await bucket.ReadAsync(CancellationToken.None)).Only("soil-vwc");

        Assert.Equal(_kit.Environment.Current.SoilMoistureVwc, inSoil.Value, 0.002);
        Assert.Equal(1, inWater.Value, 0.002);
    }

    [Fact]
    public async Task An_adc_that_stops_answering_gives_a_failure_not_the_last_value()
    {
        using var sensor = Attach(Probe("bed-1", 0, calibrated: true));
        await sensor.ReadAsync(CancellationToken.None);

        _kit.InjectI2cFault(1, 0x48, I2cFault.Nack);
        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.False(sample.IsSuccess);
        Assert.Contains("0x48", sample.Error, StringComparison.Ordinal);
        _kit.InjectI2cFault(1, 0x48, I2cFault.None); // Let Dispose reset the chip without its retry pauses.
    }

    [Fact]
    public async Task Corrupt_bus_data_is_flagged_out_of_range()
    {
        using var sensor = Attach(Probe("bed-1", 0, calibrated: true));

        _kit.InjectI2cFault(1, 0x48, I2cFault.CorruptData);
        var vwc = (await sensor.ReadAsync(CancellationToken.None)).Only("soil-vwc");

        Assert.True(vwc.Quality.HasFlag(ReadingQuality.OutOfRange));
        _kit.InjectI2cFault(1, 0x48, I2cFault.None);
    }

    [Fact]
    public void Air_below_water_is_refused_naming_the_setting()
    {
        var definition = Probe("bed-1", 0, calibrated: true);
        definition.Settings["AirVolts"] = "1.0";

        var problem = Assert.Single(_factory.Validate(definition));

        Assert.StartsWith("Settings:AirVolts", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_channel_is_refused_naming_the_setting()
    {
        var definition = Probe("bed-1", 0, calibrated: true);
        definition.Settings.Remove("Channel");

        Assert.Contains(_factory.Validate(definition), p => p.StartsWith("Settings:Channel", StringComparison.Ordinal));
    }

    private ISensor Attach(SensorDefinition definition)
    {
        Assert.Empty(_factory.Validate(definition));
        Assert.Null(_kit.Attach(definition));
        return _factory.Create(definition, _kit);
    }

    private static SensorDefinition Probe(string id, int channel, bool calibrated)
    {
        var definition = new SensorDefinition { Id = id, Type = "ads1115-soil-moisture", Bus = 1, Address = 0x48 };
        definition.Settings["Channel"] = channel.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (calibrated)
        {
            definition.Settings["AirVolts"] = "2.45";
            definition.Settings["WaterVolts"] = "1.10";
        }

        return definition;
    }
}
