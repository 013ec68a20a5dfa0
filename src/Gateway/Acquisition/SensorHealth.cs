namespace SmartVillage.Gateway.Acquisition;

/// <summary>
/// What is known about one sensor right now. Written only by its poller, read by status and the dashboard, so a
/// lock around small copies is all it needs.
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
                _latest[value.Quantity] = value;
                ReadingsAccepted++;
            }

            State = SensorHealthState.Ok;
            LastSuccessAt = at;
            ConsecutiveFailures = 0;
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
