using SmartVillage.Gateway.Readings;

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

/// <summary>An upstream's acknowledged prefix moved: persist it with the next group.</summary>
internal sealed class CursorCommand(string upstream, long ackedSequence) : WriteCommand
{
    public string Upstream { get; } = upstream;

    public long AckedSequence { get; } = ackedSequence;

    public override int Rows => 1;
}
