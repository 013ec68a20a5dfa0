using Microsoft.Extensions.Options;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>
/// The one way node readings reach the store, whatever path they came by: frame-counter check, quality flags,
/// then <see cref="ReadingWriter.AppendAsync"/>, and only after the commit the node registry is updated.
/// </summary>
public sealed partial class NodeIngestor(
    NodeRegistry registry,
    ReadingWriter writer,
    IOptions<AcquisitionOptions> options,
    TimeProvider time,
    ILogger<NodeIngestor> logger)
{
    private readonly AcquisitionOptions _options = options.Value;

    public NodeRegistry Registry => registry;

    /// <summary>Stores the frame's readings; completes when committed. Never throws for a bad frame or a failed commit.</summary>
    /// <param name="extraFlags">Flags for every reading, e.g. <see cref="ReadingQuality.Simulated"/> for the simulated radio.</param>
    public Task<IngestOutcome> IngestAsync(NodeFrame frame, ReadingQuality extraFlags, CancellationToken cancellationToken) =>
        IngestAsync(frame, extraFlags, CommitDeadline.Interval, cancellationToken);

    /// <inheritdoc cref="IngestAsync(NodeFrame, ReadingQuality, CancellationToken)"/>
    /// <param name="deadline">
    /// <see cref="CommitDeadline.SenderAwaitsAcknowledgement"/> when the sender keeps the frame until it is acknowledged
    /// after this commit (a short wait); <see cref="CommitDeadline.Interval"/> when nothing else holds it (the radio).
    /// </param>
    public async Task<IngestOutcome> IngestAsync(NodeFrame frame, ReadingQuality extraFlags, CommitDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!registry.CanTrack(frame.NodeId))
        {
            LogTooManyNodes(logger, frame.NodeId, frame.Source, NodeRegistry.MaxNodes);
            return IngestOutcome.Rejected;
        }

        if (frame.Measurements.Count == 0)
        {
            return Reject(frame, "the frame carried no values");
        }

        if (frame.Measurements.FirstOrDefault(m => !double.IsFinite(m.Value)) is { Quantity: not null } bad)
        {
            return Reject(frame, $"{bad.Quantity} is {bad.Value}, not a number SenML can carry");
        }

        var verdict = registry.CheckCounter(frame.NodeId, frame.Source, frame.Counter, out var previousCounter);
        if (verdict is FrameVerdict.Duplicate or FrameVerdict.Replay)
        {
            LogSuppressed(logger, frame.NodeId, frame.Source, verdict, frame.Counter?.Value ?? -1);
            return IngestOutcome.Suppressed;
        }

        var monotonic = time.GetTimestamp() * 1000 / time.TimestampFrequency;
        // A board without RTC before NTP stamps 1970: such times are flagged. A network server's timestamp is its own
        // clock and is judged the same way, so a server with a broken clock is visible too.
        var clock = frame.Time < _options.ClockTrustedAfter ? ReadingQuality.ClockUntrusted : ReadingQuality.Good;
        var readings = frame.Measurements
            .Select(m => new NewReading(frame.NodeId, m.Quantity, m.Unit, m.Value, m.Quality | extraFlags | clock, frame.Time, monotonic))
            .ToList();
        try
        {
            await writer.AppendAsync(readings, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreWriteException exception)
        {
            LogNotStored(logger, frame.NodeId, frame.Source, exception.Message);
            ForgetCounter(frame, previousCounter);
            return IngestOutcome.NotStored;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the writer still commits what was queued (it drains on stop), but this caller no longer
            // learns of it. Counters live in memory only, so a redelivery after the restart is accepted either way.
            return IngestOutcome.NotStored;
        }

        var battery = Battery(frame.Measurements, registry.BatteryQuantityFor(frame.NodeId));
        registry.Accepted(frame.NodeId, frame.Source, time.GetUtcNow(), frame.RssiDbm, frame.SnrDb, readings.Count, battery);
        return IngestOutcome.Stored;
    }

    private void ForgetCounter(NodeFrame frame, long? previous)
    {
        if (frame.Counter is { } counter)
        {
            registry.ForgetCounter(frame.NodeId, frame.Source, counter.Value, previous);
        }
    }

    /// <summary>Counts and logs a frame that could not be decoded or mapped.</summary>
    public IngestOutcome Reject(NodeFrame frame, string reason)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Reject(frame.NodeId, frame.Source, reason);
    }

    public IngestOutcome Reject(string nodeId, string source, string reason)
    {
        var count = registry.Rejected(nodeId, source, reason);
        LogRejected(logger, nodeId, source, count, reason);
        return IngestOutcome.Rejected;
    }

    /// <summary>The node's configured battery quantity, else the first named battery* or bat_*; shown in status.</summary>
    private static (double, string)? Battery(IReadOnlyList<Measurement> measurements, string? configured)
    {
        foreach (var m in measurements)
        {
            if (configured is not null ? m.Quantity == configured :
                m.Quantity.StartsWith("battery", StringComparison.OrdinalIgnoreCase) ||
                m.Quantity.StartsWith("bat_", StringComparison.OrdinalIgnoreCase))
            {
                return (m.Value, m.Unit);
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeId} ({Source}): frame rejected ({Count} so far): {Reason}")]
    private static partial void LogRejected(ILogger logger, string nodeId, string source, long count, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeId} ({Source}): frame dropped as {Verdict} (counter {Counter})")]
    private static partial void LogSuppressed(ILogger logger, string nodeId, string source, FrameVerdict verdict, long counter);

    [LoggerMessage(Level = LogLevel.Error, Message = "Node {NodeId} ({Source}): readings not stored: {Reason}")]
    private static partial void LogNotStored(ILogger logger, string nodeId, string source, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeId} ({Source}): not tracked, the gateway already tracks {Max} nodes; add it to the kit file or remove stale ones")]
    private static partial void LogTooManyNodes(ILogger logger, string nodeId, string source, int max);
}
