namespace SmartVillage.Gateway.Acquisition;

/// <summary>
/// What is known about one sensor right now. Written by its poller and by the commits of its readings (which complete
/// after the poller has moved on), read by status and the dashboard, so a lock around small copies is all it needs.
/// </summary>
public sealed class SensorHealth(string sensorId, string type)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LatestValue> _latest = new(StringComparer.Ordinal);

    public string SensorId { get; } = sensorId;

    public string Type { get; } = type;

    public SensorHealthState State { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? LastSuccessAt { get; private set; }

    public DateTimeOffset? LastFailureAt { get; private set; }

    public int ConsecutiveFailures { get; private set; }

    public long ReadingsAccepted { get; private set; }

    public long FailedReads { get; private set; }

    /// <summary>Readings read but not stored because their commit failed (full disk, I/O error): never accepted.</summary>
    public long ReadingsNotStored { get; private set; }

    public IReadOnlyList<LatestValue> Latest
    {
        get
        {
            lock (_gate)
            {
                return [.. _latest.Values];
            }
        }
    }

    internal void Succeeded(IEnumerable<LatestValue> values, DateTimeOffset at)
    {
        lock (_gate)
        {
            foreach (var value in values)
            {
                // Commits complete in order, but their continuations may run out of order: never go back to an older value.
                if (!_latest.TryGetValue(value.Quantity, out var shown) || shown.Sequence < value.Sequence)
                {
                    _latest[value.Quantity] = value;
                }

                ReadingsAccepted++;
            }

            State = SensorHealthState.Ok;
            LastSuccessAt = LastSuccessAt > at ? LastSuccessAt : at;
            ConsecutiveFailures = 0;
        }
    }

    /// <summary>The commit of <paramref name="count"/> readings read at <paramref name="at"/> failed: they were not stored.</summary>
    internal void NotStored(int count, string error, DateTimeOffset at)
    {
        lock (_gate)
        {
            State = SensorHealthState.Failing;
            LastError = error;
            LastFailureAt = LastFailureAt > at ? LastFailureAt : at;
            ReadingsNotStored += count;
        }
    }

    internal int Failed(string error, DateTimeOffset at)
    {
        lock (_gate)
        {
            State = SensorHealthState.Failing;
            LastError = error;
            LastFailureAt = at;
            FailedReads++;
            return ++ConsecutiveFailures;
        }
    }
}
