using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Devices.Sx1276;
using SmartVillage.Plugins.Radio.Sx127x;

namespace SmartVillage.Plugins.Tests.Radio;

public sealed class Sx1276FailureTests
{
    [Fact]
    public async Task An_spi_failure_while_polling_ends_the_packet_stream_with_the_error()
    {
        var time = new FakeTimeProvider();
        var spi = new UnpluggableSpiDevice(new SimulatedSx1276(timeProvider: time));
        var options = new Sx1276Options();
        using var radio = new Sx1276(spi, options: options, timeProvider: time);
        await radio.StartAsync(CancellationToken.None);

        spi.Unplug();
        time.Advance(options.PollInterval);

        var error = await Assert.ThrowsAsync<IOException>(() => radio.Packets.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("unplugged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_radio_closes_the_pins_it_opened()
    {
        var bench = new RadioBench();
        await bench.StartAsync();

        bench.Radio.Dispose();

        Assert.False(bench.Gpio.IsPinOpen(RadioBench.ResetPin));
        Assert.False(bench.Gpio.IsPinOpen(RadioBench.Dio0Pin));
        bench.Gpio.Dispose();
    }
}
