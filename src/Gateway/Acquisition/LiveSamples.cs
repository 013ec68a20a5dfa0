using System.Collections.Concurrent;

namespace SmartVillage.Gateway.Acquisition;

/// <summary>
/// What each sensor just read, for whoever watches a sensor live (a calibration session shows the probe's raw value
/// as it settles). Pollers publish every stored read and every failure; subscribers are called on the poller's task,
/// so they must be quick and must not throw.
/// </summary>
public sealed class LiveSamples
{
    private readonly ConcurrentDictionary<string, LiveSample> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Error, DateTimeOffset At)> _errors = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Action<LiveSample>[] _subscribers = [];

    /// <summary>The newest stored read of <paramref name="sensorId"/> since the gateway started, or null.</summary>
    public LiveSample? Latest(string sensorId) => _latest.GetValueOrDefault(sensorId);

    /// <summary>The newest failure of <paramref name="sensorId"/> if it came after its newest stored read; else null.</summary>
    public (string Error, DateTimeOffset At)? FailureSinceLastSample(string sensorId) =>
        _errors.TryGetValue(sensorId, out var failure) && (Latest(sensorId) is not { } sample || failure.At > sample.At) ? failure : null;

    /// <summary>Calls <paramref name="subscriber"/> with every sample from now on, until the result is disposed.</summary>
    public IDisposable Subscribe(Action<LiveSample> subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        return new Subscription(this, subscriber);
    }

    public void Publish(LiveSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        _latest[sample.SensorId] = sample;
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber(sample);
        }
    }

    public void PublishFailure(string sensorId, string error, DateTimeOffset at) => _errors[sensorId] = (error, at);

    private void Unsubscribe(Action<LiveSample> subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != subscriber)];
        }
    }

    private sealed class Subscription(LiveSamples owner, Action<LiveSample> subscriber) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(subscriber);
    }
}
