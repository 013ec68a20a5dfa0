using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Devices.Modbus;
using SmartVillage.Hardware.Simulation.EnvironmentModel;
using SmartVillage.Hardware.Simulation.Serial;

namespace SmartVillage.Hardware.Simulation.Tests.Devices;

public sealed class ModbusSoilProbeModelTests
{
    private readonly ModbusSoilProbeModel _probe = new(
        new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero))));

    /// <summary>Modbus over Serial Line V1.02 §6.2.2 and the usual probe manuals: 01 03 00 00 00 01 carries CRC 84 0A.</summary>
    [Fact]
    public void The_documented_request_has_crc_84_0a()
    {
        Assert.Equal(0x0A84, ModbusSoilProbeModel.Crc([0x01, 0x03, 0x00, 0x00, 0x00, 0x01]));
    }

    [Fact]
    public async Task A_read_of_seven_registers_is_answered_with_fourteen_data_bytes()
    {
        using var port = new SimulatedSerialStream(_probe, ModbusSoilProbeModel.DefaultBaudRate);
        port.Write([0x01, 0x03, 0x00, 0x00, 0x00, 0x07, 0x04, 0x08]);

        var answer = new byte[19];
        var read = 0;
        while (read < answer.Length)
        {
            read += await port.ReadAsync(answer.AsMemory(read));
        }

        Assert.Equal([0x01, 0x03, 14], answer[..3]);
        Assert.Equal(ModbusSoilProbeModel.Crc(answer.AsSpan(0, 17)), answer[17] | (answer[18] << 8));
    }

    [Fact]
    public void A_request_with_a_bad_crc_is_ignored()
    {
        _probe.Receive([0x01, 0x03, 0x00, 0x00, 0x00, 0x07, 0x04, 0x09], _ => Assert.Fail("answered a corrupt request"));

        Assert.Equal(0, _probe.Answers);
    }

    [Fact]
    public void A_request_at_the_wrong_baud_rate_is_not_heard()
    {
        using var port = new SimulatedSerialStream(_probe, 9600);

        port.Write([0x01, 0x03, 0x00, 0x00, 0x00, 0x07, 0x04, 0x08]);

        Assert.Equal(0, _probe.Answers);
    }
}
