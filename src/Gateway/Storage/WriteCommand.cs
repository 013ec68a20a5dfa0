using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage.Acknowledgements;

namespace SmartVillage.Gateway.Storage;

/// <summary>Work for the single writer. Everything that changes the database goes through it.</summary>
internal abstract class WriteCommand
{
    public abstract int Rows { get; }
}

/// <summary>Readings to accept; <see cref="Committed"/> completes only when their transaction has committed.</summary>
internal sealed class AppendCommand(IReadOnlyList<NewReading> readings) : WriteCommand
{
    public IReadOnlyList<NewReading> Readings { get; } = readings;

    public TaskCompletionSource<CommittedRange> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override int Rows => Readings.Count;
}

/// <summary>
/// The clock became trusted: re-base the times of this boot's untrusted readings from their monotonic timestamps,
/// <c>time = wall now - (monotonic now - monotonic at the read)</c>.
/// </summary>
internal sealed class RebaseCommand(long bootRow, long wallNowMilliseconds, long monotonicNowMilliseconds) : WriteCommand
{
    public long BootRow { get; } = bootRow;

    public long WallNowMilliseconds { get; } = wallNowMilliseconds;

    public long MonotonicNowMilliseconds { get; } = monotonicNowMilliseconds;

    public TaskCompletionSource<long> Rebased { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override int Rows => 1;
}

/// <summary>An upstream had messages acknowledged: add their sequence numbers to what it has acknowledged, with the next group.</summary>
internal sealed class AcknowledgeCommand(string upstream, IReadOnlyList<SequenceSpan> spans) : WriteCommand
{
    public string Upstream { get; } = upstream;

    public IReadOnlyList<SequenceSpan> Spans { get; } = spans;

    public override int Rows => 1;
}

/// <summary>Run a maintenance pass (rollups, history, quota) now, after the current group commits.</summary>
internal sealed class MaintenanceCommand : WriteCommand
{
    public TaskCompletionSource<Retention.MaintenanceResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override int Rows => 1;
}
