using System.Device.Spi;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Radio.Sx127x;

namespace SmartVillage.Gateway.Acquisition.LoRa;

/// <summary>
/// Runs the gateway's own SX1276: starts it over <see cref="IHardware.OpenSpi"/> and <see cref="IHardware.Gpio"/>,
/// then reads packets, finds the node by the P2P header, decodes with the node's decoder and stores the readings.
/// A radio that cannot start (wrong RegVersion, no SPI) is marked <see cref="RadioState.Failed"/> with the reason and
/// left stopped: wired sensors, other nodes and upstreams keep running, as for any one failing sensor.
/// </summary>
public sealed partial class LoRaRadioService(
    KitOptions kit,
    IHardware hardware,
    NodeIngestor ingestor,
    RadioStatus status,
    ILogger<LoRaRadioService> logger) : BackgroundService
{
    /// <summary>Raised once the radio is receiving; the simulated field nodes start transmitting then.</summary>
    public Task Receiving => _receiving.Task;

    private readonly TaskCompletionSource _receiving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly InFlightLimit _inFlight = new(256);

    public override void Dispose()
    {
        _inFlight.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (kit.Radio is not { } options)
        {
            return;
        }

        status.State = RadioState.Starting;
        var radio = await StartRadioAsync(options, stoppingToken).ConfigureAwait(false);
        if (radio is null)
        {
            return;
        }

        using (radio)
        {
            status.FrequencyHz = radio.FrequencyHz;
            status.Counters = () => (radio.ReceivedCount, radio.CrcErrorCount, radio.OverflowDropCount);
            status.State = RadioState.Receiving;
            LogReceiving(logger, radio.FrequencyHz, options.SpreadingFactor);
            _receiving.TrySetResult();
            try
            {
                await foreach (var packet in radio.ReadPacketsAsync(stoppingToken).ConfigureAwait(false))
                {
                    await HandleAsync(packet, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Normal shutdown.
            }
            catch (IOException exception)
            {
                // The driver ends its packet stream with the SPI failure (HAT unplugged): the radio stops, the gateway does not.
                Fail($"SPI failed while receiving: {exception.Message}");
            }
        }
    }

    private async Task<Sx1276?> StartRadioAsync(RadioOptions options, CancellationToken stoppingToken)
    {
        Sx1276? radio = null;
        try
        {
            var spi = hardware.OpenSpi(new SpiConnectionSettings(options.SpiBus, options.ChipSelect)
            {
                ClockFrequency = options.SpiClockHz,
                Mode = SpiMode.Mode0,
            });
            var pins = options.ResetPin >= 0 || options.Dio0Pin >= 0;
            radio = new Sx1276(spi, pins ? hardware.Gpio : null, options.ToSx1276Options());
            await radio.StartAsync(stoppingToken).ConfigureAwait(false);
            return radio;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            radio?.Dispose();
            return null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Whatever stops the radio from starting (Sx1276NotFoundException naming the RegVersion read, no spidev,
            // no permission on /dev/gpiochip0, a GpiodException) stops only the radio, like any one failing sensor.
            radio?.Dispose();
            Fail(exception.Message);
            return null;
        }
    }

    private void Fail(string error)
    {
        status.State = RadioState.Failed;
        status.Error = error;
        LogRadioFailed(logger, kit.Radio?.SpiBus ?? 0, kit.Radio?.ChipSelect ?? 0, error);
    }

    private async Task HandleAsync(LoRaPacket packet, CancellationToken stoppingToken)
    {
        if (P2pFrame.TryParse(packet.Payload, out var malformed) is not { } frame)
        {
            status.CountMalformed();
            LogMalformed(logger, packet.Payload.Length, packet.RssiDbm, malformed!);
            return;
        }

        var node = ingestor.Registry.FindByAddress(frame.Address);
        if (node is null)
        {
            // Anyone can transmit on the band: frames from addresses not in the kit are counted, never stored.
            status.CountUnknownAddress(frame.Address);
            LogUnknownAddress(logger, frame.Address, packet.RssiDbm);
            return;
        }

        var decoded = ingestor.Registry.DecoderFor(node.Id)!.Decode(frame.Payload.Span);
        if (!decoded.IsSuccess)
        {
            ingestor.Reject(node.Id, "lora", $"frame {frame.Counter}: {decoded.Rejection}");
            return;
        }

        // Readings from the simulated radio say so, so that a demo can never pass for a field kit upstream.
        var flags = hardware.Name == "simulated" ? ReadingQuality.Simulated : ReadingQuality.Good;
        var nodeFrame = new NodeFrame(node.Id, "lora", decoded.Measurements, packet.ReceivedAt, TimeFromMessage: false,
            new FrameCounter(frame.Counter, 16), packet.RssiDbm, packet.SnrDb);
        await _inFlight.StartAsync(() => ingestor.IngestAsync(nodeFrame, flags, stoppingToken), stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "LoRa radio: receiving on {FrequencyHz} Hz, SF{SpreadingFactor}")]
    private static partial void LogReceiving(ILogger logger, long frequencyHz, int spreadingFactor);

    [LoggerMessage(Level = LogLevel.Error, Message = "LoRa radio on SPI {Bus}.{ChipSelect} stopped; the rest of the gateway keeps running: {Error}")]
    private static partial void LogRadioFailed(ILogger logger, int bus, int chipSelect, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "LoRa radio: {Length}-byte packet at {Rssi} dBm is not one of our frames: {Reason}")]
    private static partial void LogMalformed(ILogger logger, int length, double rssi, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "LoRa radio: frame from address {Address} at {Rssi} dBm; no node in the kit has that address")]
    private static partial void LogUnknownAddress(ILogger logger, int address, double rssi);
}
