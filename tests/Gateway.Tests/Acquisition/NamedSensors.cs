using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Acquisition;

/// <summary>A sensor that always reads the same temperature.</summary>
internal sealed class SteadySensor(double value) : ISensor
{
    public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(SensorSample.Success(new Measurement("temperature", "Cel", value)));

    public void Dispose()
    {
    }
}

/// <summary>A driver with a bug: every read throws.</summary>
internal sealed class ThrowingSensor : ISensor
{
    public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("bus exploded");

    public void Dispose()
    {
    }
}

/// <summary>A device that never answers and ignores cancellation, like a wedged I2C transfer.</summary>
internal sealed class HangingSensor : ISensor
{
    private readonly TaskCompletionSource<SensorSample> _never = new();

    public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken) => new(_never.Task);

    public void Dispose()
    {
    }
}

/// <summary>A driver that returns garbage: not-a-number.</summary>
internal sealed class GarbageSensor : ISensor
{
    public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(SensorSample.Success(new Measurement("humidity", "%RH", double.NaN)));

    public void Dispose()
    {
    }
}

/// <summary>A plugin's driver that breaks the contract: it returns no sample at all.</summary>
internal sealed class NoSampleSensor : ISensor
{
    public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult<SensorSample>(null!);

    public void Dispose()
    {
    }
}

/// <summary>A plugin's driver whose quantity name could not be part of a SenML name upstream.</summary>
internal sealed class BadlyNamedSensor : ISensor
{
    public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(SensorSample.Success(new Measurement("leaf wetness %", "%", 12)));

    public void Dispose()
    {
    }
}

/// <summary>Hands out sensors made by a function, counting how often the gateway opened one.</summary>
internal sealed class NamedSensorFactory(string type, Func<ISensor> create) : ISensorFactory
{
    private int _opened;

    public string Type { get; } = type;

    public int Opened => Volatile.Read(ref _opened);

    public IReadOnlyList<string> Validate(SensorDefinition definition) => [];

    public ISensor Create(SensorDefinition definition, IHardware hardware)
    {
        Interlocked.Increment(ref _opened);
        return create();
    }
}

/// <summary>A sensor that always reads the same temperature and counts how often it was read.</summary>
internal sealed class CountingSensor(double value) : ISensor
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return ValueTask.FromResult(SensorSample.Success(new Measurement("temperature", "Cel", value)));
    }

    public void Dispose()
    {
    }
}
