using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Resilience;
using SmartVillage.Gateway.Storage;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Decoders;

namespace SmartVillage.Gateway.Acquisition;

/// <summary>
/// Reads one sensor on its own interval, on its own task. Whatever the sensor does (throw, hang, return garbage)
/// stays here: it becomes a health state and a retry with backoff, never a stopped gateway.
/// </summary>
public sealed partial class SensorPoller
{
    private readonly SensorDefinition _definition;
    private readonly ISensorFactory _factory;
    private readonly IHardware _hardware;
    private readonly ReadingWriter _writer;
    private readonly AcquisitionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Backoff _backoff;
    private readonly ReadingQuality _hardwareFlags;
    private bool _abandonSensor;
    private readonly ClockTrust _clock;
    private readonly LiveSamples? _live;
    private readonly SensorsUnderCalibration? _calibrating;

    public SensorPoller(
        SensorDefinition definition,
        ISensorFactory factory,
        IHardware hardware,
        ReadingWriter writer,
        AcquisitionOptions options,
        TimeProvider time,
        ILogger logger,
        ClockTrust? clock = null,
        LiveSamples? live = null,
        SensorsUnderCalibration? calibrating = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(options);
        _definition = definition;
        _factory = factory;
        _hardware = hardware;
        _writer = writer;
        _options = options;
        _time = time;
        _logger = logger;
        // The same judgement the ClockWatcher re-bases by: a reading flagged here is one it will correct.
        _clock = clock ?? new ClockTrust(options.ClockTrustedAfter);
        _live = live;
        _calibrating = calibrating;
        _backoff = new Backoff(definition.Interval, Max(definition.Interval, options.MaxRetryDelay), jitter: null);
        // Readings from simulated hardware say so, so that a demo kit can never pass for a field kit upstream.
        _hardwareFlags = hardware.Name == "simulated" ? ReadingQuality.Simulated : ReadingQuality.Good;
        Health = new SensorHealth(definition.Id, definition.Type);
    }

    public SensorHealth Health { get; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        ISensor? sensor = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var started = _time.GetTimestamp();
                var error = await ReadOnceAsync(sensor ??= Open(), stoppingToken).ConfigureAwait(false);
                // A fixed cadence: the time spent reading (and queueing, when the store's queue is full) is part of the
                // interval (shorter while the sensor is being calibrated), so a sensor read every 5 s is read every
                // 5 s. The commit is not waited for (see StoreAsync).
                var interval = _calibrating?.IntervalFor(_definition.Id, _definition.Interval) ?? _definition.Interval;
                var delay = interval - _time.GetElapsedTime(started);
                if (error is not null)
                {
                    var failures = Health.Failed(error, _time.GetUtcNow());
                    _live?.PublishFailure(_definition.Id, error, _time.GetUtcNow());
                    LogReadFailed(_logger, _definition.Id, _definition.Type, failures, error);
                    if (_abandonSensor)
                    {
                        _abandonSensor = false;
                        sensor = null;
                    }
                    else if (failures % _options.ReopenAfterFailures == 0 || sensor is FailedSensor)
                    {
                        sensor?.Dispose();
                        sensor = null;
                    }

                    delay = _backoff.DelayAfter(failures);
                }

                if (delay > TimeSpan.Zero)
                {
                    await WaitAsync(delay, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        finally
        {
            sensor?.Dispose();
        }
    }

    /// <returns>Null when the read's readings were queued for storing; otherwise what went wrong.</returns>
    private async Task<string?> ReadOnceAsync(ISensor sensor, CancellationToken stoppingToken)
    {
        SensorSample sample;
        try
        {
            sample = await sensor.ReadAsync(stoppingToken).AsTask()
                .WaitAsync(_options.ReadTimeout, _time, stoppingToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The read may still be running inside the driver: never call it again concurrently; open a fresh one.
            _abandonSensor = true;
            return $"read timed out after {_options.ReadTimeout.TotalSeconds:0.#} s";
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A driver bug or bus error must not escape this sensor's task: it is reported and retried like any failure.
            return $"{exception.GetType().Name}: {exception.Message}";
        }

        // A plugin's driver may break the contract's promises; that is garbage like any other, never a dead task.
        if (sample is null)
        {
            return "the driver returned no sample";
        }

        if (!sample.IsSuccess)
        {
            return sample.Error;
        }

        if (sample.Measurements is null || sample.Measurements.Count == 0)
        {
            return "the driver reported success with no values";
        }

        return await StoreAsync(sample.Measurements).ConfigureAwait(false);
    }

    private async Task<string?> StoreAsync(IReadOnlyList<Measurement> measurements)
    {
        var now = _time.GetUtcNow();
        var monotonic = _time.GetTimestamp() * 1000 / _time.TimestampFrequency;
        var clockFlag = _clock.IsTrusted(now) ? ReadingQuality.Good : ReadingQuality.ClockUntrusted;
        var calibratingFlag = _calibrating?.Contains(_definition.Id) == true ? ReadingQuality.Calibrating : ReadingQuality.Good;
        var readings = new NewReading[measurements.Count];
        for (var i = 0; i < readings.Length; i++)
        {
            var m = measurements[i];
            if (!SenmlName.IsSafe(m.Quantity) || m.Unit is null)
            {
                // The quantity becomes part of the reading's SenML name upstream; the store needs a unit ("" for none).
                return $"the driver returned a value named '{m.Quantity}' with unit '{m.Unit}'; a quantity is a SenML-safe name ({SenmlName.Rule}) and a unit is never null";
            }

            if (!double.IsFinite(m.Value))
            {
                // NaN or infinity is garbage, not a measurement, and SenML JSON cannot carry it: the read fails loudly.
                return $"the driver returned {m.Value} for {m.Quantity}";
            }

            readings[i] = new NewReading(_definition.Id, m.Quantity, m.Unit, m.Value, m.Quality | _hardwareFlags | clockFlag | calibratingFlag, now, monotonic)
            {
                RawValue = m.RawValue is { } raw && double.IsFinite(raw) ? raw : null,
                RawUnit = m.RawUnit,
                CalibrationId = m.CalibrationId,
            };
        }

        // Queue, but do not wait for the commit: with a commit interval longer than this sensor's interval, waiting
        // would stretch the sensor's period to the commit interval. The readings are accepted only when their group
        // commits; ObserveCommitAsync then records them (or their failure) in the sensor's health.
        // Readings taken are always handed over, even when the gateway is stopping: the writer commits its queue
        // before it exits, or reports them not stored. The wait is only for room in a full queue (back-pressure).
        Task<CommittedRange> committed;
        try
        {
            committed = await _writer.QueueAsync(readings, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreWriteException exception)
        {
            return $"readings not stored: {exception.Message}";
        }

        // The calibration screen follows the probe as it is read, not ten seconds later when its group commits.
        _live?.Publish(new LiveSample(_definition.Id, [.. measurements.Select((m, i) => m with { Quality = readings[i].Quality })], now));
        _ = ObserveCommitAsync(committed, readings, now);
        return null;
    }

    /// <summary>
    /// Waits for the commit of one read's readings, off the poller's loop. Success makes them the sensor's latest
    /// values; a failed commit is counted per reading and logged, so no reading is ever silently lost.
    /// </summary>
    private async Task ObserveCommitAsync(Task<CommittedRange> committed, NewReading[] readings, DateTimeOffset readAt)
    {
        try
        {
            var range = await committed.ConfigureAwait(false);
            Health.Succeeded(readings.Select((r, i) => new LatestValue(r.Quantity, r.Unit, r.Value, r.Quality, r.Time, range.First + i)), readAt);
        }
        catch (StoreWriteException exception)
        {
            Health.NotStored(readings.Length, $"readings not stored: {exception.Message}", readAt);
            LogNotStored(_logger, _definition.Id, readings.Length, readAt, exception.Message);
        }
    }

    /// <summary>Waits out the interval, or less when a calibration of this sensor begins (the technician is waiting).</summary>
    private async Task WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        if (_calibrating is null)
        {
            await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            return;
        }

        using var woken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _calibrating.WakeToken(_definition.Id));
        try
        {
            await Task.Delay(delay, _time, woken.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // A calibration began: read now.
        }
    }

    private ISensor Open()
    {
        try
        {
            return _factory.Create(_definition, _hardware);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // An absent or miswired device usually fails here (wrong chip id, NACK). Keep trying: it may be plugged in later.
            return new FailedSensor($"could not open: {exception.GetType().Name}: {exception.Message}");
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Error, Message = "Sensor {SensorId}: {Count} readings read at {ReadAt:u} were not stored: {Reason}")]
    private static partial void LogNotStored(ILogger logger, string sensorId, int count, DateTimeOffset readAt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {SensorId} ({Type}): read failed ({Failures} in a row): {Error}")]
    private static partial void LogReadFailed(ILogger logger, string sensorId, string type, int failures, string error);

    /// <summary>Stands in for a sensor whose driver could not be opened, so the loop has one shape.</summary>
    private sealed class FailedSensor(string error) : ISensor
    {
        public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(SensorSample.Failure(error));

        public void Dispose()
        {
        }
    }
}
