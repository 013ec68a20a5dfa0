using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.Devices.Sx1276;
using SmartVillage.Hardware.Simulation.Gpio;
using SmartVillage.Plugins.Radio.Sx127x;

namespace SmartVillage.Plugins.Tests.Radio;

/// <summary>A gateway with an RFM95 wired to simulated SPI and GPIO, on a fake clock.</summary>
internal sealed class RadioBench : IDisposable
{
    public const int ResetPin = 22;
    public const int Dio0Pin = 25;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public RadioBench(Sx1276Options? options = null, bool wireDio0 = true, byte chipVersion = 0x12)
    {
        Options = options ?? new Sx1276Options();
        Options.ResetPin = ResetPin;
        Options.Dio0Pin = wireDio0 ? Dio0Pin : -1;
        Gpio = new GpioController(GpioDriver);
        Chip = new SimulatedSx1276(GpioDriver, ResetPin, Options.Dio0Pin, Time, chipVersion);
        Radio = new Sx1276(Chip, Gpio, Options, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 5, 1, 6, 0, 0, TimeSpan.Zero));

    public SimulatedGpioDriver GpioDriver { get; } = new();

    public GpioController Gpio { get; }

    public Sx1276Options Options { get; }

    public SimulatedSx1276 Chip { get; }

    public Sx1276 Radio { get; }

    /// <summary>Starts the driver, moving the fake clock 1 ms at a time through its reset delays.</summary>
    public async Task StartAsync()
    {
        Task start = Radio.StartAsync(CancellationToken.None);
        for (int ms = 0; ms < 100 && !start.IsCompleted; ms++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }

        await start.WaitAsync(Patience);
    }

    public async Task<LoRaPacket> NextPacketAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await Radio.Packets.ReadAsync(timeout.Token);
    }

    public void Dispose()
    {
        Radio.Dispose();
        Gpio.Dispose();
    }
}
