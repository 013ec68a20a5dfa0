using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Hardware.Simulation.Devices.Sx1276;
using SmartVillage.Hardware.Simulation.Nodes;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Radio.Sx127x;

namespace SmartVillage.Gateway.Acquisition.LoRa;

/// <summary>
/// In a simulated kit with a radio, every kit node that has an <c>Address</c> and the <c>cayenne-lpp</c> decoder is
/// played by a <see cref="SimulatedFieldNode"/> that transmits on the radio's settings every
/// <see cref="SimulatedRadioOptions.NodeInterval"/>, so the demo shows LoRa nodes end to end through the real driver.
/// Does nothing on real hardware.
/// </summary>
public sealed partial class SimulatedFieldNodeService(
    KitOptions kit,
    IHardware hardware,
    LoRaRadioService radio,
    TimeProvider time,
    ILogger<SimulatedFieldNodeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (hardware is not SimulatedKit { LoRaRadio: { } model } simulated || kit.Radio is not { } options)
        {
            return;
        }

        var air = new LoRaAirSettings(options.ToSx1276Options().ResolveFrequencyHz(), options.SpreadingFactor,
            options.Bandwidth.ToHertz(), (byte)options.SyncWord);
        var nodes = kit.Nodes
            .Where(n => n.Address is not null && n.Decoder == NodeDecoders.CayenneLpp)
            .Select((n, i) => new SimulatedFieldNode(model, simulated.Environment, n.Address!.Value, -70 - (12 * i), 9.5 - (3 * i), seed: i + 1))
            .ToList();
        if (nodes.Count == 0)
        {
            return;
        }

        try
        {
            // A radio that never starts (wrong chip) is never transmitted to: nothing would hear it anyway.
            await radio.Receiving.WaitAsync(stoppingToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(options.Simulation.NodeInterval, time);
            var sent = 0;
            do
            {
                foreach (var node in nodes)
                {
                    sent++;
                    var crcError = options.Simulation.CrcErrorEvery > 0 && sent % options.Simulation.CrcErrorEvery == 0;
                    var outcome = node.Transmit(air, crcError);
                    if (outcome != DeliveryOutcome.Received)
                    {
                        LogMissed(logger, node.Address, outcome);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated LoRa node {Address}: frame not received by the radio ({Outcome})")]
    private static partial void LogMissed(ILogger logger, int address, DeliveryOutcome outcome);
}
