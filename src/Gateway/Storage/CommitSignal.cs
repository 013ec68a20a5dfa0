namespace SmartVillage.Gateway.Storage;

/// <summary>
/// Tells readers of the log that new readings were committed, without polling: a waiter gets a task that completes
/// at the next commit past the sequence number it has already seen.
/// </summary>
public sealed class CommitSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastCommitted;

    public CommitSignal(StoreState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _lastCommitted = state.LastSequence;
    }

    public long LastCommitted => Volatile.Read(ref _lastCommitted);

    public void Publish(long lastCommitted)
    {
        TaskCompletionSource toRelease;
        lock (_gate)
        {
            Volatile.Write(ref _lastCommitted, lastCommitted);
            toRelease = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        toRelease.TrySetResult();
    }

    /// <summary>Completes once a reading with a sequence number above <paramref name="seen"/> is committed.</summary>
    public Task WaitBeyondAsync(long seen, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _lastCommitted > seen ? Task.CompletedTask : _next.Task.WaitAsync(cancellationToken);
        }
    }
}
