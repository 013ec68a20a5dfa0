using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Hardware.Simulation.Devices.Modbus;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Soil;
using SmartVillage.Plugins.Tests.Support;

namespace SmartVillage.Plugins.Tests.Soil;

/// <summary>The 7-in-1 soil probe driver through the simulated kit's serial port.</summary>
public sealed class ModbusSoilProbeSensorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SimulatedKit _kit;
    private readonly ModbusSoilProbeSensorFactory _factory;
    private readonly SensorDefinition _definition = new() { Id = "plot-7", Type = "modbus-soil-probe", Port = "/dev/ttyUSB0" };
    private ISensor? _sensor;

    public ModbusSoilProbeSensorTests()
    {
        _kit = new SimulatedKit("clear-day", _time);
        _factory = new ModbusSoilProbeSensorFactory(_time);
    }

    [Fact]
    public async Task A_seven_in_one_read_reports_the_soil_of_the_environment()
    {
        var sample = await Open().ReadAsync(CancellationToken.None);

        var soil = _kit.Environment.Current;
        Assert.Equal(soil.SoilMoistureVwc, sample.Only("soil-vwc").Value, 0.0006);
        Assert.Equal(soil.SoilTemperatureCelsius, sample.Only("temperature").Value, 0.06);
        Assert.Equal(soil.SoilConductivityMicrosiemensPerCentimetre * 1e-4, sample.Only("conductivity").Value, 0.0001);
        Assert.Equal(soil.SoilPh, sample.Only("ph").Value, 0.06);
        Assert.Equal(soil.SoilNitrogenMilligramsPerKilogram, sample.Only("nitrogen").Value, 0.5);
        Assert.Equal(soil.SoilPotassiumMilligramsPerKilogram, sample.Only("potassium").Value, 0.5);
    }

    [Fact]
    public async Task A_three_in_one_probe_reports_moisture_temperature_and_conductivity_only()
    {
        _definition.Settings["Registers"] = "3";

        var sample = await Open().ReadAsync(CancellationToken.None);

        Assert.Equal(["soil-vwc", "temperature", "conductivity"], sample.Measurements.Select(m => m.Quantity));
    }

    [Fact]
    public async Task A_silent_probe_gives_a_failure_with_no_values()
    {
        var sensor = Open();
        _kit.Model<ModbusSoilProbeModel>("plot-7").Fault = ModbusProbeFault.NoAnswer;

        var pending = sensor.ReadAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var sample = await pending;

        Assert.False(sample.IsSuccess);
        Assert.Contains("within 500 ms", sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_answer_gives_a_failure_naming_the_code()
    {
        var sensor = Open();
        _kit.Model<ModbusSoilProbeModel>("plot-7").Fault = ModbusProbeFault.ExceptionResponse;

        var sample = await sensor.ReadAsync(CancellationToken.None);

        Assert.Contains("ServerDeviceFailure", sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_without_a_port_is_refused_naming_the_field()
    {
        _definition.Port = null;

        Assert.StartsWith("Port:", Assert.Single(_factory.Validate(_definition)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unusual_baud_rate_is_refused_naming_the_setting()
    {
        _definition.Settings["BaudRate"] = "4801";

        Assert.StartsWith("Settings:BaudRate", Assert.Single(_factory.Validate(_definition)), StringComparison.Ordinal);
    }

    private ISensor Open()
    {
        Assert.Empty(_factory.Validate(_definition));
        Assert.Null(_kit.Attach(_definition));
        return _sensor = _factory.Create(_definition, _kit);
    }

    public void Dispose() => _sensor?.Dispose();
}
