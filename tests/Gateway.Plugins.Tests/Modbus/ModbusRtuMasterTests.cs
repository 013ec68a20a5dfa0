using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Devices.Modbus;
using SmartVillage.Hardware.Simulation.EnvironmentModel;
using SmartVillage.Hardware.Simulation.Serial;
using SmartVillage.Plugins.Modbus;

namespace SmartVillage.Plugins.Tests.Modbus;

/// <summary>Our Modbus RTU master against the frame-level simulated soil probe behind a simulated serial line.</summary>
public sealed class ModbusRtuMasterTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ModbusSoilProbeModel _probe;
    private readonly SimulatedSerialStream _line;
    private readonly ModbusRtuMaster _master;

    public ModbusRtuMasterTests()
    {
        _probe = new ModbusSoilProbeModel(new SimulatedEnvironment(ScenarioCatalog.ClearDay, _time));
        _line = new SimulatedSerialStream(_probe, ModbusSoilProbeModel.DefaultBaudRate);
        _master = new ModbusRtuMaster(_line, _time);
    }

    [Fact]
    public async Task Holding_registers_are_read_in_order()
    {
        var result = await _master.ReadHoldingRegistersAsync(1, 0, 7, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Detail);
        Assert.Equal(_probe.Registers(), result.Registers);
    }

    [Fact]
    public async Task Input_registers_are_read_with_function_4()
    {
        var result = await _master.ReadInputRegistersAsync(1, 2, 2, CancellationToken.None);

        Assert.Equal(_probe.Registers()[2..4], result.Registers);
    }

    [Fact]
    public async Task A_silent_probe_times_out_on_the_injected_clock()
    {
        _probe.Fault = ModbusProbeFault.NoAnswer;

        var pending = _master.ReadHoldingRegistersAsync(1, 0, 7, CancellationToken.None);
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var result = await pending;

        Assert.Equal(ModbusReadStatus.Timeout, result.Status);
        Assert.Empty(result.Registers);
    }

    [Fact]
    public async Task An_answer_with_a_bad_crc_is_a_crc_error()
    {
        _probe.Fault = ModbusProbeFault.CrcError;

        var result = await _master.ReadHoldingRegistersAsync(1, 0, 7, CancellationToken.None);

        Assert.Equal(ModbusReadStatus.CrcError, result.Status);
        Assert.Empty(result.Registers);
    }

    [Fact]
    public async Task An_exception_answer_is_a_value_with_its_code()
    {
        _probe.Fault = ModbusProbeFault.ExceptionResponse;

        var result = await _master.ReadHoldingRegistersAsync(1, 0, 7, CancellationToken.None);

        Assert.Equal(ModbusReadStatus.ExceptionResponse, result.Status);
        Assert.Equal(ModbusExceptionCode.ServerDeviceFailure, result.ExceptionCode);
    }

    [Fact]
    public async Task Reading_past_the_register_map_gives_illegal_data_address()
    {
        var result = await _master.ReadHoldingRegistersAsync(1, 5, 4, CancellationToken.None);

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, result.ExceptionCode);
    }

    [Fact]
    public async Task Garbage_on_the_line_is_a_malformed_answer()
    {
        _probe.Fault = ModbusProbeFault.Garbage;

        var result = await _master.ReadHoldingRegistersAsync(1, 0, 7, CancellationToken.None);

        Assert.Equal(ModbusReadStatus.MalformedResponse, result.Status);
    }

    [Fact]
    public async Task After_garbage_the_next_read_discards_the_rest_and_succeeds()
    {
        _probe.Fault = ModbusProbeFault.Garbage;
        await _master.ReadHoldingRegistersAsync(1, 0, 7, CancellationToken.None);
        _probe.Fault = ModbusProbeFault.None;

        var pending = _master.ReadHoldingRegistersAsync(1, 0, 7, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(50)); // The line stays quiet for the turnaround delay.
        var result = await pending;

        Assert.True(result.IsSuccess, result.Detail);
        Assert.Equal(_probe.Registers(), result.Registers);
    }

    [Fact]
    public async Task A_probe_at_another_address_never_answers()
    {
        var pending = _master.ReadHoldingRegistersAsync(2, 0, 7, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(ModbusReadStatus.Timeout, (await pending).Status);
    }

    public void Dispose()
    {
        _master.Dispose();
        _line.Dispose();
    }
}
