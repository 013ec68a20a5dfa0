using Microsoft.Extensions.Options;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition;

/// <summary>Runs one <see cref="SensorPoller"/> per sensor in the kit, each on its own task.</summary>
public sealed class AcquisitionService : BackgroundService
{
    public AcquisitionService(
        KitOptions kit,
        SensorRegistry registry,
        IHardware hardware,
        ReadingWriter writer,
        IOptions<AcquisitionOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        ClockTrust clock,
        LiveSamples? live = null,
        SensorsUnderCalibration? calibrating = null)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger<AcquisitionService>();
        Pollers = kit.Sensors
            .Select(sensor => new SensorPoller(sensor, registry.Find(sensor.Type)!, hardware, writer, options.Value, time, logger, clock, live, calibrating))
            .ToList();
    }

    public IReadOnlyList<SensorPoller> Pollers { get; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Pollers.Select(poller => Task.Run(() => poller.RunAsync(stoppingToken), stoppingToken)));
}
