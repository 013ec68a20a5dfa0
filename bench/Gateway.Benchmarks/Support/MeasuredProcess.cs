namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>A process whose disk writes are measured, and which says how far its reading log has been committed.</summary>
public interface IMeasuredProcess : IAsyncDisposable
{
    int Pid { get; }

    bool HasExited { get; }

    string OutputTail { get; }

    /// <summary>The highest committed sequence number, or -1 when it cannot be known right now.</summary>
    Task<long> LastSequenceAsync();
}
