using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Configuration.Overlay;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Tests.Support;
using SmartVillage.Hardware.Simulation;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Acquisition;

/// <summary>An admin changes a sensor's interval or switches it off: only that sensor is restarted, at once.</summary>
public sealed class SensorSettingsReloadTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly CountingFactory _fast = new("fast-probe");
    private readonly CountingFactory _other = new("other-probe");
    private TestStore _store = null!;
    private ConfigurationManager _configuration = null!;
    private SettingsOverlaySource _overlay = null!;
    private AcquisitionService _service = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.StartAsync(_folder.File("r.db"));
        _configuration = new ConfigurationManager();
        _configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = _folder.File("r.db"),
            ["Kit:Sensors:0:Id"] = "changed",
            ["Kit:Sensors:0:Type"] = "fast-probe",
            ["Kit:Sensors:0:Interval"] = "00:00:00.1",
            ["Kit:Sensors:1:Id"] = "untouched",
            ["Kit:Sensors:1:Type"] = "other-probe",
            ["Kit:Sensors:1:Interval"] = "00:00:00.1",
        });
        _configuration.AddEnvironmentVariables();
        _overlay = SettingsOverlaySource.Add(_configuration, _folder.Path);
        var kit = new KitOptions { Sensors = KitLoader.BindSensors(_configuration, []) };
        _service = new AcquisitionService(
            kit,
            new SensorRegistry([_fast, _other]),
            new SimulatedKit("clear-day", TimeProvider.System),
            _store.Writer,
            Options.Create(new AcquisitionOptions()),
            TimeProvider.System,
            NullLoggerFactory.Instance,
            new ClockTrust(DateTimeOffset.UnixEpoch),
            _configuration);
        await _service.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => Readings("changed") >= 3 && Readings("untouched") >= 3, "both sensors were read");
    }

    [Fact]
    public async Task A_new_interval_restarts_only_that_sensor_and_closes_its_old_driver_first()
    {
        var untouched = _service.Pollers.Single(p => p.Health.SensorId == "untouched");

        Save(o => o.Sensors["changed"] = new SensorOverride { Interval = TimeSpan.FromMinutes(10) });

        await Eventually.HoldsAsync(() => _fast.Opened == 2, "the changed sensor's driver was opened again");
        Assert.Equal(1, _fast.Disposed);
        Assert.Equal((1, 0), (_other.Opened, _other.Disposed));
        Assert.Same(untouched, _service.Pollers.Single(p => p.Health.SensorId == "untouched"));
        // Read once at the restart, then not again for ten minutes, while the other sensor keeps its pace.
        var restarted = _service.Pollers.Single(p => p.Health.SensorId == "changed");
        await Eventually.HoldsAsync(() => restarted.Health.ReadingsAccepted == 1, "the restarted sensor stored its first reading");
        var changedAfterRestart = Readings("changed");
        await UntouchedReadsOnAsync();
        Assert.Equal(changedAfterRestart, Readings("changed"));
        Assert.Equal(1, restarted.Health.ReadingsAccepted);
    }

    [Fact]
    public async Task A_disabled_sensor_is_no_longer_read_and_comes_back_when_enabled()
    {
        Save(o => o.Sensors["changed"] = new SensorOverride { Enabled = false });

        await Eventually.HoldsAsync(() => _fast.Disposed == 1, "the disabled sensor's driver was closed");
        Assert.DoesNotContain(_service.Pollers, p => p.Health.SensorId == "changed");
        // A read cut short by the stop may still be in the writer's queue: readings queued after it flush it out.
        await UntouchedReadsOnAsync();
        var stopped = Readings("changed");
        await UntouchedReadsOnAsync();
        Assert.Equal(stopped, Readings("changed"));

        Save(o => o.Sensors.Remove("changed"));

        await Eventually.HoldsAsync(() => Readings("changed") > stopped, "the sensor was read again");
        Assert.Contains(_service.Pollers, p => p.Health.SensorId == "changed");
    }

    private Task UntouchedReadsOnAsync()
    {
        var before = Readings("untouched");
        return Eventually.HoldsAsync(() => Readings("untouched") >= before + 5, "the other sensor kept reading");
    }

    private void Save(Action<SettingsOverlay> change)
    {
        var next = _overlay.Current.Copy();
        change(next);
        _overlay.File.Write(next);
        _overlay.Reload();
    }

    private int Readings(string sensor) => _store.Log.ReadAfter(0, 100_000).Count(r => r.SensorId == sensor);

    public async Task DisposeAsync()
    {
        await _service.StopAsync(CancellationToken.None);
        _service.Dispose();
        await _store.DisposeAsync();
    }

    public void Dispose()
    {
        _stop.Dispose();
        _folder.Dispose();
    }

    /// <summary>Counts drivers opened and closed, so a test can see a restart closed the old one.</summary>
    private sealed class CountingFactory(string type) : ISensorFactory
    {
        private int _opened;
        private int _disposed;

        public string Type { get; } = type;

        public int Opened => Volatile.Read(ref _opened);

        public int Disposed => Volatile.Read(ref _disposed);

        public IReadOnlyList<string> Validate(SensorDefinition definition) => [];

        public ISensor Create(SensorDefinition definition, IHardware hardware)
        {
            Interlocked.Increment(ref _opened);
            return new Counted(this);
        }

        private sealed class Counted(CountingFactory owner) : ISensor
        {
            public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken) =>
                ValueTask.FromResult(SensorSample.Success(new Measurement("temperature", "Cel", 20)));

            public void Dispose() => Interlocked.Increment(ref owner._disposed);
        }
    }
}
