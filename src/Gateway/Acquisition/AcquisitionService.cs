using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition;

/// <summary>
/// Runs one <see cref="SensorPoller"/> per enabled sensor in the kit, each on its own task. When configuration
/// reloads (an admin changed a sensor's interval or switched it off in the settings overlay) only the sensors whose
/// interval or enabled flag changed are restarted: the old poller is stopped and its driver closed before the new
/// one opens the bus, and every other sensor keeps reading undisturbed.
/// </summary>
public sealed partial class AcquisitionService : BackgroundService
{
    private readonly IHardware _hardware;
    private readonly SensorRegistry _registry;
    private readonly ReadingWriter _writer;
    private readonly AcquisitionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ClockTrust _clock;
    private readonly IConfiguration? _configuration;
    private readonly LiveSamples? _live;
    private readonly SensorsUnderCalibration? _calibrating;
    private readonly List<Slot> _slots;
    private readonly SemaphoreSlim _changes = new(1, 1);
    private readonly IDisposable? _reloads;
    private IReadOnlyList<SensorPoller> _pollers = [];
    private CancellationToken _stopping;
    private bool _running;
    private bool _stopped;

    public AcquisitionService(
        KitOptions kit,
        SensorRegistry registry,
        IHardware hardware,
        ReadingWriter writer,
        IOptions<AcquisitionOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        ClockTrust clock,
        IConfiguration? configuration = null,
        LiveSamples? live = null,
        SensorsUnderCalibration? calibrating = null)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _registry = registry;
        _hardware = hardware;
        _writer = writer;
        _options = options.Value;
        _time = time;
        _clock = clock;
        _logger = loggers.CreateLogger<AcquisitionService>();
        _configuration = configuration;
        _live = live;
        _calibrating = calibrating;
        _slots = kit.Sensors.Select(definition => new Slot(definition)).ToList();
        // Health is known from the start, before the service runs, for every sensor that will be read.
        foreach (var slot in _slots.Where(s => s.Definition.Enabled))
        {
            slot.Poller = NewPoller(slot.Definition);
        }

        Publish();
        if (configuration is not null)
        {
            _reloads = ChangeToken.OnChange(configuration.GetReloadToken, () => _ = ApplyConfigurationAsync());
        }
    }

    /// <summary>The pollers of the sensors being read now (a disabled sensor has none).</summary>
    public IReadOnlyList<SensorPoller> Pollers => Volatile.Read(ref _pollers);

    public override void Dispose()
    {
        _reloads?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _changes.WaitAsync(stoppingToken).ConfigureAwait(false);
        try
        {
            _stopping = stoppingToken;
            _running = true;
            foreach (var slot in _slots)
            {
                Start(slot);
            }
        }
        finally
        {
            _changes.Release();
        }

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: wait below for every poller to close its driver.
        }

        await _changes.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            _stopped = true;
            await Task.WhenAll(_slots.Select(s => s.Running)).ConfigureAwait(false);
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Restarts the sensors whose interval or enabled flag differ from what configuration says now.</summary>
    public async Task ApplyConfigurationAsync()
    {
        if (_configuration is null)
        {
            return;
        }

        var problems = new List<string>();
        var wanted = KitLoader.BindSensors(_configuration, problems).Where(d => d.Id.Length > 0).ToDictionary(d => d.Id, StringComparer.Ordinal);
        if (problems.Count > 0)
        {
            LogReloadRefused(_logger, string.Join("; ", problems));
            return;
        }

        await _changes.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_stopped)
            {
                return;
            }

            foreach (var slot in _slots)
            {
                if (!wanted.TryGetValue(slot.Definition.Id, out var next)
                    || (next.Interval == slot.Definition.Interval && next.Enabled == slot.Definition.Enabled))
                {
                    continue;
                }

                await StopAsync(slot).ConfigureAwait(false);
                slot.Definition.Interval = next.Interval;
                slot.Definition.Enabled = next.Enabled;
                slot.Poller = next.Enabled ? NewPoller(slot.Definition) : null;
                Start(slot);
                LogSensorChanged(_logger, slot.Definition.Id, next.Enabled, next.Interval);
            }

            Publish();
        }
        finally
        {
            _changes.Release();
        }
    }

    private SensorPoller NewPoller(SensorDefinition definition) =>
        new(definition, _registry.Find(definition.Type)!, _hardware, _writer, _options, _time, _logger, _clock, _live, _calibrating);

    /// <summary>Starts the slot's poller on its own task, once the service runs. Call holding <see cref="_changes"/>.</summary>
    private void Start(Slot slot)
    {
        if (!_running || slot.Poller is not { } poller)
        {
            return;
        }

        var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        slot.Stop = stop;
        slot.Running = Task.Run(() => poller.RunAsync(stop.Token), CancellationToken.None);
    }

    private static async Task StopAsync(Slot slot)
    {
        if (slot.Stop is { } stop)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await slot.Running.ConfigureAwait(false);
            stop.Dispose();
            slot.Stop = null;
        }
    }

    private void Publish() => Volatile.Write(ref _pollers, _slots.Select(s => s.Poller).OfType<SensorPoller>().ToList());

    [LoggerMessage(Level = LogLevel.Information, Message = "Sensor {SensorId}: settings changed: enabled {Enabled}, read every {Interval}")]
    private static partial void LogSensorChanged(ILogger logger, string sensorId, bool enabled, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sensor settings not applied; configuration cannot be bound: {Problems}")]
    private static partial void LogReloadRefused(ILogger logger, string problems);

    /// <summary>One kit sensor: its definition as running now, its poller (none when disabled) and its task.</summary>
    private sealed class Slot(SensorDefinition definition)
    {
        public SensorDefinition Definition { get; } = definition;

        public SensorPoller? Poller { get; set; }

        public CancellationTokenSource? Stop { get; set; }

        public Task Running { get; set; } = Task.CompletedTask;
    }
}
