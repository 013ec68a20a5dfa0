namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>
/// Lets a receive loop hand frames to the store without waiting for each commit, up to a bound. Awaiting each
/// commit in turn would cap a loop at one frame per group-commit interval (a few per second), far below a burst
/// from 500 nodes; starting them all unbounded would let a flood grow memory. Frame-counter checks still run in
/// arrival order, because <see cref="NodeIngestor.IngestAsync"/> does them before its first await.
/// </summary>
public sealed class InFlightLimit(int maximum) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(maximum, maximum);

    /// <summary>Waits for a slot, then starts <paramref name="work"/> and returns without waiting for it.</summary>
    public async Task StartAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        Task running;
        try
        {
            running = work();
        }
        catch
        {
            _slots.Release();
            throw;
        }

        _ = running.ContinueWith(static (_, slots) => ((SemaphoreSlim)slots!).Release(), _slots,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public void Dispose() => _slots.Dispose();
}
