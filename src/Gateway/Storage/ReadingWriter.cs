using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage.Acknowledgements;
using SmartVillage.Gateway.Storage.Retention;
using SmartVillage.Gateway.Storage.Rollups;

namespace SmartVillage.Gateway.Storage;

/// <summary>
/// The one writer of the reading log. Producers queue readings on a bounded channel; this service commits them
/// in groups (at most <see cref="StorageOptions.CommitInterval"/> after the first one waits, or
/// <see cref="StorageOptions.MaxGroupSize"/> rows, whichever comes first) in one transaction each, together with
/// any upstream cursor moves. A reading is accepted when its group commits, and only then does its caller learn
/// its sequence number. A failed commit (full disk, I/O error) fails every caller in the group: nothing is ever
/// reported stored that was not.
/// </summary>
public sealed partial class ReadingWriter : IHostedService, IDisposable
{
    private const int SqliteFull = 13;

    /// <summary>
    /// How long cursor moves alone wait for readings to commit with (never less than the commit interval). Only a
    /// gateway whose sensors are all quiet (or read rarely) commits a cursor alone; a crash before then re-sends
    /// what was acknowledged since, identical and deduplicated by (gateway id, seq).
    /// </summary>
    public static readonly TimeSpan CursorOnlyDelay = TimeSpan.FromSeconds(60);
    private readonly Channel<WriteCommand> _queue;
    private readonly SqliteConnections _connections;
    private readonly StorageOptions _options;
    private readonly StoreState _state;
    private readonly CommitSignal _signal;
    private readonly TimeProvider _time;
    private readonly ILogger<ReadingWriter> _logger;
    private long _lastSequence;
    private long _accepted;
    private long _failedCommits;
    private long _commits;
    private readonly CancellationTokenSource _stopping = new();
    private readonly IHostApplicationLifetime? _lifetime;
    private Task _loop = Task.CompletedTask;
    private readonly UpstreamRoster _upstreams;
    private readonly ClockTrust _clock;
    private long _lastMaintenance;
    private bool _rollupBehind;
    private long _dropped;
    private long _usedBytes;

    public ReadingWriter(
        SqliteConnections connections,
        IOptions<StorageOptions> options,
        StoreState state,
        CommitSignal signal,
        TimeProvider time,
        ILogger<ReadingWriter> logger,
        UpstreamRoster? upstreams = null,
        ClockTrust? clock = null,
        IHostApplicationLifetime? lifetime = null)
    {
        _upstreams = upstreams ?? new UpstreamRoster([]);
        _clock = clock ?? new ClockTrust(DateTimeOffset.MinValue);
        _lifetime = lifetime;
        ArgumentNullException.ThrowIfNull(options);
        _connections = connections;
        _options = options.Value;
        _state = state;
        _signal = signal;
        _time = time;
        _logger = logger;
        _lastSequence = state.LastSequence;
        _queue = Channel.CreateBounded<WriteCommand>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Readings accepted since this process started.</summary>
    public long AcceptedSinceStart => Interlocked.Read(ref _accepted);

    /// <summary>Group commits that failed (their readings were reported not stored to their producers).</summary>
    public long FailedCommits => Interlocked.Read(ref _failedCommits);

    /// <summary>Group commits (transactions) since this process started.</summary>
    public long CommitsSinceStart => Interlocked.Read(ref _commits);

    /// <summary>Undelivered readings given up for the storage quota since this process started (each also a gap record).</summary>
    public long DroppedForQuota => Interlocked.Read(ref _dropped);

    /// <summary>Bytes the database used at the last maintenance pass.</summary>
    public long UsedBytes => Interlocked.Read(ref _usedBytes);

    /// <summary>Highest sequence number committed.</summary>
    public long LastSequence => Interlocked.Read(ref _lastSequence);

    /// <summary>Queues readings and completes when they are committed, with the sequence numbers they were given.</summary>
    /// <exception cref="StoreWriteException">The commit failed; the readings were not stored.</exception>
    public Task<CommittedRange> AppendAsync(IReadOnlyList<NewReading> readings, CancellationToken cancellationToken) =>
        AppendAsync(readings, CommitDeadline.Interval, cancellationToken);

    /// <inheritdoc cref="AppendAsync(IReadOnlyList{NewReading}, CancellationToken)"/>
    /// <param name="deadline">How soon the readings must be committed.</param>
    public async Task<CommittedRange> AppendAsync(IReadOnlyList<NewReading> readings, CommitDeadline deadline, CancellationToken cancellationToken)
    {
        var committed = await QueueAsync(readings, deadline, cancellationToken).ConfigureAwait(false);
        return await committed.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues readings without waiting for their commit: completes once they are in the writer's queue (waiting only
    /// while it is full), with the task of their commit. That task completes with their sequence numbers when their
    /// group commits, or fails with <see cref="StoreWriteException"/> when it does not: only then are they accepted.
    /// </summary>
    /// <exception cref="StoreWriteException">The store is shut down; the readings were not queued.</exception>
    public ValueTask<Task<CommittedRange>> QueueAsync(IReadOnlyList<NewReading> readings, CancellationToken cancellationToken) =>
        QueueAsync(readings, CommitDeadline.Interval, cancellationToken);

    private async ValueTask<Task<CommittedRange>> QueueAsync(IReadOnlyList<NewReading> readings, CommitDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentOutOfRangeException.ThrowIfZero(readings.Count);
        var command = new AppendCommand(readings, MaxWait(deadline));
        try
        {
            await _queue.Writer.WriteAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException exception)
        {
            throw new StoreWriteException("The reading store is shut down; the readings were not stored.", exception);
        }

        return command.Committed.Task;
    }

    private TimeSpan MaxWait(CommitDeadline deadline) =>
        deadline == CommitDeadline.SenderAwaitsAcknowledgement && _options.AcknowledgedCommitInterval < _options.CommitInterval
            ? _options.AcknowledgedCommitInterval
            : _options.CommitInterval;

    /// <summary>
    /// Re-bases the times of this boot's readings taken while the clock was untrusted, using the current wall clock and
    /// the monotonic clock. Completes with the number of readings re-based once committed.
    /// </summary>
    public async Task<long> RebaseUntrustedTimesAsync(DateTimeOffset wallNow, long monotonicNowMilliseconds, CancellationToken cancellationToken)
    {
        var command = new RebaseCommand(_state.BootRow, wallNow.ToUnixTimeMilliseconds(), monotonicNowMilliseconds, _options.CommitInterval);
        await _queue.Writer.WriteAsync(command, cancellationToken).ConfigureAwait(false);
        return await command.Rebased.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a maintenance pass (roll up completed hours, expire history, keep the quota) on the writer after the
    /// readings queued before it are committed, instead of waiting for <see cref="StorageOptions.MaintenanceInterval"/>.
    /// </summary>
    /// <exception cref="StoreWriteException">The pass failed (the writer keeps running).</exception>
    public async Task<MaintenanceResult> MaintainNowAsync(CancellationToken cancellationToken)
    {
        var command = new MaintenanceCommand();
        await _queue.Writer.WriteAsync(command, cancellationToken).ConfigureAwait(false);
        return await command.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds sequence numbers to what an upstream has acknowledged, persisted with the next group commit. Only ever
    /// adds: what was acknowledged stays acknowledged, whatever order the calls come in.
    /// </summary>
    public ValueTask AcknowledgeAsync(string upstream, IReadOnlyList<SequenceSpan> spans, CancellationToken cancellationToken) =>
        _queue.Writer.WriteAsync(new AcknowledgeCommand(upstream, spans), cancellationToken);

    /// <summary>
    /// Records that an upstream has acknowledged everything up to <paramref name="ackedSequence"/>, persisted with the
    /// next group commit that holds readings. A cursor move never
    /// causes a commit of its own while readings are flowing; with none waiting it is committed alone after
    /// <see cref="CursorOnlyDelay"/> (or once <see cref="StorageOptions.MaxGroupSize"/> moves are waiting, as in a
    /// backlog drain), so a crash re-sends at most that much on top of the in-flight window.
    /// </summary>
    public ValueTask AdvanceCursorAsync(string upstream, long ackedSequence, CancellationToken cancellationToken) =>
        AcknowledgeAsync(upstream, ackedSequence >= 1 ? [new SequenceSpan(1, ackedSequence)] : [], cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not a BackgroundService: its loop may never start when the host stops right after starting, and then
        // queued readings would wait for a commit that never comes. This loop always runs, and always drains.
        _loop = Task.Run(() => RunLoggedAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunLoggedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The store cannot be written at all (it could not even be opened): nothing can be accepted, so stop with a
            // failure code and let systemd restart the gateway rather than run on pretending to accept readings.
            _queue.Writer.TryComplete(exception);
            LogWriterFailed(_logger, _connections.FilePath, exception);
            Environment.ExitCode = 70;
            _lifetime?.StopApplication();
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var connection = _connections.Open();
        using var group = new GroupCommit(connection, _state.BootRow);
        var rollups = new HourlyRollups(connection, _state.BootRow, _time);
        var quota = new QuotaKeeper(connection, _options, _upstreams.Names, rollups);
        Maintain(rollups, quota, diskFull: false);
        var pending = new List<WriteCommand>(_options.MaxGroupSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await CollectGroupAsync(pending, stoppingToken).ConfigureAwait(false);
                var diskFull = !Commit(group, pending);
                var asked = pending.OfType<MaintenanceCommand>().ToList();
                pending.Clear();
                if (diskFull || asked.Count > 0 || _rollupBehind || _time.GetElapsedTime(_lastMaintenance) >= _options.MaintenanceInterval)
                {
                    var (result, failure) = Maintain(rollups, quota, diskFull);
                    foreach (var command in asked)
                    {
                        _ = result is not null ? command.Done.TrySetResult(result) : command.Done.TrySetException(failure!);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: stop taking new work, then commit everything already queued so a clean stop loses nothing.
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var command))
            {
                pending.Add(command);
            }

            if (pending.Count > 0)
            {
                Commit(group, pending);
            }

            foreach (var command in pending.OfType<MaintenanceCommand>())
            {
                command.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    /// <summary>
    /// Collects one group. It commits as soon as any of its readings (or re-bases) has waited as long as it may:
    /// <see cref="StorageOptions.CommitInterval"/> (the power-loss window), or
    /// <see cref="StorageOptions.AcknowledgedCommitInterval"/> for readings whose sender awaits the acknowledgement;
    /// or once it holds <see cref="StorageOptions.MaxGroupSize"/> rows.
    /// Cursor moves ride along; a group of cursor moves alone waits <see cref="CursorOnlyDelay"/> for readings to join,
    /// so acknowledgements from upstream cost no commit of their own.
    /// </summary>
    private async Task CollectGroupAsync(List<WriteCommand> pending, CancellationToken stoppingToken)
    {
        var rows = 0;
        long? deadline = null;
        var cursorDeadline = _time.GetTimestamp() + Ticks(CursorOnlyDelay > _options.CommitInterval ? CursorOnlyDelay : _options.CommitInterval);
        while (rows < _options.MaxGroupSize)
        {
            while (rows < _options.MaxGroupSize && _queue.Reader.TryRead(out var command))
            {
                pending.Add(command);
                rows += command.Rows;
                if (command.MaxWait is { } maxWait)
                {
                    var due = _time.GetTimestamp() + Ticks(maxWait);
                    deadline = deadline is { } earlier && earlier < due ? earlier : due;
                }
            }

            var remaining = _time.GetElapsedTime(_time.GetTimestamp(), deadline ?? cursorDeadline);
            if (rows >= _options.MaxGroupSize || remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var timeout = new CancellationTokenSource(remaining, _time);
            using var waitOrStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(waitOrStop.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    /// <returns>False when the disk (or the database's size limit) was full.</returns>
    private bool Commit(GroupCommit group, List<WriteCommand> pending)
    {
        var first = _lastSequence + 1;
        try
        {
            var last = group.Write(pending, first);
            Interlocked.Increment(ref _commits);
            foreach (var command in pending)
            {
                if (command is AppendCommand append)
                {
                    append.Committed.TrySetResult(new CommittedRange(first, first + append.Readings.Count - 1));
                    first += append.Readings.Count;
                }
            }

            if (last != _lastSequence)
            {
                Interlocked.Add(ref _accepted, last - _lastSequence);
                Interlocked.Exchange(ref _lastSequence, last);
                _signal.Publish(last);
            }

            return true;
        }
        catch (SqliteException exception)
        {
            Interlocked.Increment(ref _failedCommits);
            LogCommitFailed(_logger, pending.Count, _connections.FilePath, exception.SqliteErrorCode, exception.Message);
            var failure = new StoreWriteException($"Commit to {_connections.FilePath} failed: {exception.Message}", exception);
            foreach (var command in pending.OfType<AppendCommand>())
            {
                command.Committed.TrySetException(failure);
            }

            return exception.SqliteErrorCode != SqliteFull;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Storage: the writer for {Path} stopped; the gateway stops so that it can be restarted")]
    private static partial void LogWriterFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage: commit of {Commands} queued items to {Path} failed (SQLite error {Code}: {Reason}); the readings were not stored and their sensors were told so")]
    private static partial void LogCommitFailed(ILogger logger, int commands, string path, int code, string reason);
}
