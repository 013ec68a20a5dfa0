namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>
/// One node's mutable state. Frames from one node can arrive on several threads (the radio's callback, MQTT
/// handlers), so every change and every snapshot is taken under one small lock.
/// </summary>
internal sealed class NodeState(string id, string name, string source, string? decoder, TimeSpan? reportInterval)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastSeen;
    private double? _rssi;
    private double? _snr;
    private double? _battery;
    private string? _batteryUnit;
    private long? _lastCounter;
    private long _accepted;
    private long _readings;
    private long _duplicates;
    private long _replays;
    private long _restarts;
    private long _rejected;
    private string? _lastRejection;
    private DateTimeOffset? _lastRejectionAt;

    public string Id { get; } = id;

    /// <summary>Checks and, when the frame is to be stored, records the counter (before the store commits, so that a
    /// duplicate arriving during the commit is still caught).</summary>
    public FrameVerdict CheckCounter(FrameCounter? counter, out long? previous)
    {
        lock (_gate)
        {
            previous = _lastCounter;
            if (counter is not { } c)
            {
                return FrameVerdict.New;
            }

            var verdict = _lastCounter is { } last ? c.Compare(last) : FrameVerdict.New;
            switch (verdict)
            {
                case FrameVerdict.Duplicate:
                    _duplicates++;
                    break;
                case FrameVerdict.Replay:
                    _replays++;
                    break;
                case FrameVerdict.Restart:
                    _restarts++;
                    _lastCounter = c.Value;
                    break;
                default:
                    _lastCounter = c.Value;
                    break;
            }

            return verdict;
        }
    }

    /// <summary>
    /// Undoes <see cref="CheckCounter"/> for a frame whose readings were not stored, so that its redelivery is not
    /// taken for a duplicate and lost. Only when no later frame has moved the counter since.
    /// </summary>
    public void ForgetCounter(long value, long? previous)
    {
        lock (_gate)
        {
            if (_lastCounter == value)
            {
                _lastCounter = previous;
            }
        }
    }

    public void Accepted(DateTimeOffset at, double? rssi, double? snr, int readings, (double Value, string Unit)? battery)
    {
        lock (_gate)
        {
            _lastSeen = _lastSeen is { } seen && seen > at ? seen : at;
            _rssi = rssi ?? _rssi;
            _snr = snr ?? _snr;
            if (battery is { } b)
            {
                (_battery, _batteryUnit) = (b.Value, b.Unit);
            }

            _accepted++;
            _readings += readings;
        }
    }

    public long Rejected(string reason, DateTimeOffset at)
    {
        lock (_gate)
        {
            _lastRejection = reason;
            _lastRejectionAt = at;
            return ++_rejected;
        }
    }

    public NodeSnapshot Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            var health = _lastSeen is not { } seen ? NodeHealthState.NeverSeen
                : reportInterval is { } interval && now - seen > 2 * interval ? NodeHealthState.Silent
                : NodeHealthState.Ok;
            return new NodeSnapshot(Id, name, source, decoder, health, _lastSeen, _rssi, _snr, _battery, _batteryUnit, _lastCounter,
                _accepted, _readings, _duplicates, _replays, _restarts, _rejected, _lastRejection, _lastRejectionAt);
        }
    }
}
