using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage.Acknowledgements;

namespace SmartVillage.Gateway.Storage;

/// <summary>Work for the single writer. Everything that changes the database goes through it.</summary>
internal abstract class WriteCommand
{
    public abstract int Rows { get; }

    /// <summary>The longest this command may wait for its group to commit; null when it only rides along (cursor moves).</summary>
    public abstract TimeSpan? MaxWait { get; }
}

/// <summary>Readings to accept; <see cref="Committed"/> completes only when their transaction has committed.</summary>
internal sealed class AppendCommand(IReadOnlyList<NewReading> readings, TimeSpan maxWait) : WriteCommand
{
    public IReadOnlyList<NewReading> Readings { get; } = readings;

    public override TimeSpan? MaxWait { get; } = maxWait;

    public TaskCompletionSource<CommittedRange> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override int Rows => Readings.Count;
}

/// <summary>
/// The clock became trusted: re-base the times of this boot's untrusted readings from their monotonic timestamps,
/// <c>time = wall now - (monotonic now - monotonic at the read)</c>.
/// </summary>
internal sealed class RebaseCommand(long bootRow, long wallNowMilliseconds, long monotonicNowMilliseconds, TimeSpan maxWait) : WriteCommand
{
    public override TimeSpan? MaxWait { get; } = maxWait;

    public long BootRow { get; } = bootRow;

    public long WallNowMilliseconds { get; } = wallNowMilliseconds;

    public long MonotonicNowMilliseconds { get; } = monotonicNowMilliseconds;

    public TaskCompletionSource<long> Rebased { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override int Rows => 1;
}

/// <summary>An upstream had messages acknowledged: add their sequence numbers to what it has acknowledged, with the next group.</summary>
internal sealed class AcknowledgeCommand(string upstream, IReadOnlyList<SequenceSpan> spans) : WriteCommand
{
    public override TimeSpan? MaxWait => null;

    public string Upstream { get; } = upstream;

    public IReadOnlyList<SequenceSpan> Spans { get; } = spans;

    public override int Rows => 1;
}

/// <summary>Run a maintenance pass (rollups, history, quota) now, after the current group commits.</summary>
internal sealed class MaintenanceCommand : WriteCommand
{
    public TaskCompletionSource<Retention.MaintenanceResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Asked for now: its group commits at once.</summary>
    public override TimeSpan? MaxWait => TimeSpan.Zero;

    public override int Rows => 1;
}
