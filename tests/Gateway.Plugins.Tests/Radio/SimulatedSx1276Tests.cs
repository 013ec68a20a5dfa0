using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Devices.Sx1276;
using SmartVillage.Hardware.Simulation.Gpio;

namespace SmartVillage.Plugins.Tests.Radio;

/// <summary>The chip model on its own, over raw SPI transactions.</summary>
public sealed class SimulatedSx1276Tests
{
    private const int ResetPin = 22;
    private const int Dio0Pin = 25;

    [Fact]
    public void Regversion_reads_0x12_by_default()
    {
        using var chip = new SimulatedSx1276();

        Assert.Equal(0x12, Read(chip, 0x42));
    }

    [Fact]
    public void A_burst_read_auto_increments_the_address()
    {
        using var chip = new SimulatedSx1276();
        byte[] read = new byte[4];

        chip.TransferFullDuplex([0x06, 0, 0, 0], read);

        Assert.Equal([0x00, 0x6C, 0x80, 0x00], read); // Frf reset value: 434 MHz
    }

    [Fact]
    public void The_lora_bit_is_ignored_outside_sleep()
    {
        using var chip = new SimulatedSx1276();

        chip.Write([0x81, 0x81]); // from FSK standby

        Assert.Equal(0x01, Read(chip, 0x01));
    }

    [Fact]
    public void The_lora_bit_is_taken_in_sleep()
    {
        using var chip = new SimulatedSx1276();

        chip.Write([0x81, 0x00]);
        chip.Write([0x81, 0x80]);

        Assert.Equal(0x80, Read(chip, 0x01));
    }

    [Fact]
    public void Fifo_bytes_are_written_and_read_at_the_fifo_pointer()
    {
        using var chip = new SimulatedSx1276();
        chip.Write([0x8D, 0x40]);
        chip.Write([0x80, 0xAA, 0xBB, 0xCC]);
        chip.Write([0x8D, 0x41]);
        byte[] read = new byte[3];

        chip.TransferFullDuplex([0x00, 0, 0], read);

        Assert.Equal([0x00, 0xBB, 0xCC], read);
        Assert.Equal(0x43, Read(chip, 0x0D));
    }

    [Fact]
    public void Writing_ones_to_the_irq_flags_clears_only_those_flags_and_drops_dio0()
    {
        var gpio = new SimulatedGpioDriver();
        using var chip = new SimulatedSx1276(gpio, dio0Pin: Dio0Pin);
        Listen(chip);
        chip.Deliver([1, 2, 3], -80, 7);
        Assert.Equal(PinValue.High, gpio.GetLevel(Dio0Pin));

        chip.Write([0x92, 0x40]);

        Assert.Equal(0x10, Read(chip, 0x12)); // ValidHeader remains
        Assert.Equal(PinValue.Low, gpio.GetLevel(Dio0Pin));
    }

    [Fact]
    public void Dio0_stays_low_when_mapped_to_tx_done()
    {
        var gpio = new SimulatedGpioDriver();
        using var chip = new SimulatedSx1276(gpio, dio0Pin: Dio0Pin);
        Listen(chip);
        chip.Write([0xC0, 0x40]);

        chip.Deliver([1], -80, 7);

        Assert.Equal(PinValue.Low, gpio.GetLevel(Dio0Pin));
    }

    [Fact]
    public void The_chip_ignores_spi_for_5_ms_after_a_reset()
    {
        var time = new FakeTimeProvider();
        var gpio = new SimulatedGpioDriver();
        using var controller = new GpioController(gpio);
        using var chip = new SimulatedSx1276(gpio, resetPin: ResetPin, timeProvider: time);
        controller.OpenPin(ResetPin, PinMode.Output, PinValue.High);
        controller.Write(ResetPin, PinValue.Low);
        time.Advance(TimeSpan.FromMilliseconds(1));
        controller.Write(ResetPin, PinValue.High);

        byte early = Read(chip, 0x42);
        time.Advance(SimulatedSx1276.ResetRecovery);

        Assert.Equal(0x00, early);
        Assert.Equal(0x12, Read(chip, 0x42));
    }

    [Fact]
    public void A_reset_pulse_shorter_than_100_microseconds_is_ignored()
    {
        var time = new FakeTimeProvider();
        var gpio = new SimulatedGpioDriver();
        using var controller = new GpioController(gpio);
        using var chip = new SimulatedSx1276(gpio, resetPin: ResetPin, timeProvider: time);
        controller.OpenPin(ResetPin, PinMode.Output, PinValue.High);

        controller.Write(ResetPin, PinValue.Low);
        time.Advance(TimeSpan.FromTicks(500)); // 50 µs
        controller.Write(ResetPin, PinValue.High);

        Assert.Equal(0, chip.ResetCount);
    }

    [Fact]
    public void A_chip_configured_with_another_version_reports_it()
    {
        using var chip = new SimulatedSx1276(version: 0x22);

        Assert.Equal(0x22, Read(chip, 0x42));
    }

    private static byte Read(SimulatedSx1276 chip, byte address)
    {
        byte[] read = new byte[2];
        chip.TransferFullDuplex([address, 0], read);
        return read[1];
    }

    /// <summary>LoRa RXCONTINUOUS at 868.1 MHz, SF7, 125 kHz, sync word 0x12.</summary>
    private static void Listen(SimulatedSx1276 chip)
    {
        chip.Write([0x81, 0x00]);
        chip.Write([0x81, 0x80]);
        chip.Write([0x86, 0xD9, 0x06, 0x66]);
        chip.Write([0x81, 0x85]);
    }
}
