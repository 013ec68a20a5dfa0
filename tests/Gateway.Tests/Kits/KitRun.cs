using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Hardware;
using SmartVillage.Gateway.Tests.Support;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Kits;

/// <summary>
/// A kit file from <c>hardware/kits</c> (copied beside the tests as <c>kits/</c>) run the way the gateway runs it:
/// loaded and validated by <see cref="KitLoader"/>, its devices placed by <see cref="HardwareSelector"/>, each sensor
/// built by the built-in factories, all on one fake clock in local time UTC. Sensor state (rain totals) goes to a
/// temp data folder.
/// </summary>
public sealed class KitRun : IDisposable
{
    private readonly TempFolder _data;
    private readonly IReadOnlyList<ISensorFactory> _factories;
    private readonly Dictionary<string, ISensor> _sensors = new(StringComparer.Ordinal);

    private KitRun(string kitFile, DateTimeOffset start, string? scenario, TempFolder data)
    {
        _data = data;
        Time = new FakeTimeProvider(start);
        Time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var configuration = new ConfigurationManager();
        configuration[$"{GatewayOptions.Section}:{nameof(GatewayOptions.KitFile)}"] = Path.Combine(AppContext.BaseDirectory, "kits", kitFile);
        var kitPath = KitFileSource.Add(configuration, AppContext.BaseDirectory);
        if (scenario is not null)
        {
            configuration[$"{KitOptions.Section}:{nameof(KitOptions.Scenario)}"] = scenario;
        }

        _factories = BuiltInSensors.For(data.Path, Time);
        var registry = new SensorRegistry(_factories);
        (_, Options) = KitLoader.Load(configuration, kitPath, registry);
        Kit = (SimulatedKit)HardwareSelector.Select(Options, kitPath, Time, registry);
        Open();
    }

    public FakeTimeProvider Time { get; }

    public KitOptions Options { get; }

    public SimulatedKit Kit { get; }

    /// <summary>The last sample read from each sensor, by sensor id.</summary>
    public Dictionary<string, SensorSample> Last { get; } = new(StringComparer.Ordinal);

    /// <param name="kitFile">File name under <c>hardware/kits</c>.</param>
    /// <param name="scenario">Overrides the kit's scenario, as <c>--Kit:Scenario=storm</c> would.</param>
    public static KitRun Start(string kitFile, DateTimeOffset start, string? scenario = null, TempFolder? data = null) =>
        new(kitFile, start, scenario, data ?? new TempFolder());

    /// <summary>Moves the clock in steps short enough for every reed-switch edge to be seen.</summary>
    public void Step(TimeSpan total, TimeSpan step, Action? eachStep = null)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += step)
        {
            Time.Advance(step);
            eachStep?.Invoke();
        }
    }

    /// <summary>Reads every sensor once, in kit-file order; each result must be a success.</summary>
    public async Task ReadAllAsync()
    {
        foreach (var definition in Options.Sensors)
        {
            var sample = await _sensors[definition.Id].ReadAsync(CancellationToken.None);
            Assert.True(sample.IsSuccess, $"{definition.Id}: {sample.Error}");
            Last[definition.Id] = sample;
        }
    }

    /// <summary>The value of <paramref name="quantity"/> from sensor <paramref name="sensorId"/>'s last read.</summary>
    public double Value(string sensorId, string quantity) => Measurement(sensorId, quantity).Value;

    public Measurement Measurement(string sensorId, string quantity) =>
        Assert.Single(Last[sensorId].Measurements, m => m.Quantity == quantity);

    /// <summary>Closes every sensor and opens it again from the kit file, as a gateway restart does.</summary>
    public void Restart()
    {
        Close();
        Open();
    }

    private void Open()
    {
        foreach (var definition in Options.Sensors)
        {
            _sensors[definition.Id] = _factories.Single(f => f.Type == definition.Type).Create(definition, Kit);
        }
    }

    private void Close()
    {
        foreach (var sensor in _sensors.Values)
        {
            sensor.Dispose();
        }

        _sensors.Clear();
    }

    public void Dispose()
    {
        Close();
        _data.Dispose();
    }
}
