using SmartVillage.Hardware.Simulation.Buses;

namespace SmartVillage.Hardware.Simulation.Tests.Buses;

public sealed class SimulatedI2cBusTests
{
    [Fact]
    public void A_transfer_to_an_empty_address_fails_with_an_io_exception_naming_bus_and_address()
    {
        var bus = new SimulatedI2cBus(3);
        using var device = bus.Open(0x44);

        var error = Assert.Throws<IOException>(() => device.ReadByte());

        Assert.Contains("bus 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("0x44", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_written_byte_sets_the_register_pointer_and_reads_auto_increment()
    {
        var bus = new SimulatedI2cBus(1);
        bus.TryAdd(0x10, new ScratchRegisters());
        using var device = bus.Open(0x10);
        device.Write([0x20, 0xAA, 0xBB, 0xCC]);

        device.WriteByte(0x21);
        var buffer = new byte[2];
        device.Read(buffer);

        Assert.Equal([0xBB, 0xCC], buffer);
    }

    [Fact]
    public void A_combined_write_read_sets_the_pointer_and_reads_from_it()
    {
        var bus = new SimulatedI2cBus(1);
        bus.TryAdd(0x10, new ScratchRegisters());
        using var device = bus.Open(0x10);
        device.Write([0x30, 7, 8]);

        var buffer = new byte[2];
        device.WriteRead([0x30], buffer);

        Assert.Equal([7, 8], buffer);
    }

    [Fact]
    public void A_read_without_a_new_pointer_continues_where_the_last_one_stopped()
    {
        var bus = new SimulatedI2cBus(1);
        bus.TryAdd(0x10, new ScratchRegisters());
        using var device = bus.Open(0x10);
        device.Write([0x20, 1, 2, 3]);
        device.WriteByte(0x20);

        device.ReadByte();

        Assert.Equal(2, device.ReadByte());
    }

    [Fact]
    public void A_nack_fault_fails_writes_as_well_as_reads()
    {
        var bus = new SimulatedI2cBus(1);
        bus.TryAdd(0x10, new ScratchRegisters());
        bus.InjectFault(0x10, I2cFault.Nack);
        using var device = bus.Open(0x10);

        Assert.Throws<IOException>(() => device.WriteByte(0x00));
    }

    [Fact]
    public void A_corrupt_data_fault_reads_every_byte_as_0xFF_and_clears_when_switched_off()
    {
        var bus = new SimulatedI2cBus(1);
        bus.TryAdd(0x10, new ScratchRegisters());
        using var device = bus.Open(0x10);
        device.Write([0x00, 0x12]);

        bus.InjectFault(0x10, I2cFault.CorruptData);
        device.WriteByte(0x00);
        var corrupt = device.ReadByte();
        bus.InjectFault(0x10, I2cFault.None);
        device.WriteByte(0x00);

        Assert.Equal(0xFF, corrupt);
        Assert.Equal(0x12, device.ReadByte());
    }

    [Fact]
    public void A_fault_on_one_address_leaves_its_neighbour_working()
    {
        var bus = new SimulatedI2cBus(1);
        bus.TryAdd(0x10, new ScratchRegisters());
        bus.TryAdd(0x11, new ScratchRegisters());
        bus.InjectFault(0x10, I2cFault.Nack);
        using var healthy = bus.Open(0x11);

        healthy.WriteByte(0x00);

        Assert.Equal(0, healthy.ReadByte());
    }

    /// <summary>A plain register file: what the base does with no chip-specific behaviour.</summary>
    private sealed class ScratchRegisters : RegisterFileDevice;
}
