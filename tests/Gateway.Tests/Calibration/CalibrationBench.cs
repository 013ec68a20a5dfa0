using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Calibration;
using SmartVillage.Gateway.Tests.Support;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Tests.Calibration;

/// <summary>
/// The session service over a kit with a pH probe (<c>tank-ph</c>), an EC probe (<c>tank-ec</c>) and a weather sensor,
/// a real calibration file in a temp folder and a fake clock. Tests play the sensor's poller: they publish readings of
/// an electrode whose slope and offset they choose, as it sits in a buffer.
/// </summary>
public sealed class CalibrationBench : IDisposable
{
    private readonly TempFolder _folder = new();

    public CalibrationBench(Action<CalibrationOptions>? configure = null)
    {
        Store = new CalibrationStore(_folder.File("calibrations.json"));
        var ph = new CalibratableSensor(Definition("tank-ph", "ads1115-ph"), CalibrationKind.Ph, "ph", Store, TimeSpan.FromDays(30), 25);
        var ec = new CalibratableSensor(Definition("tank-ec", "ads1115-ec"), CalibrationKind.Ec, "conductivity", Store, TimeSpan.FromDays(30), 25);
        var kit = new Dictionary<string, string> { ["tank-ph"] = "ads1115-ph", ["tank-ec"] = "ads1115-ec", ["weather"] = "bme280" };
        configure?.Invoke(Options);
        Sessions = new CalibrationSessions(
            new CalibratableSensors([ph, ec], kit), Live, UnderCalibration, Microsoft.Extensions.Options.Options.Create(Options), Time,
            NullLogger<CalibrationSessions>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

    public CalibrationOptions Options { get; } = new();

    public CalibrationStore Store { get; }

    public LiveSamples Live { get; } = new();

    public SensorsUnderCalibration UnderCalibration { get; } = new();

    public CalibrationSessions Sessions { get; }

    /// <summary>The electrode's slope as a fraction of Nernst (0.98 good, 0.70 worn) and its potential at pH 7.</summary>
    public double SlopeFraction { get; set; } = 0.98;

    public double OffsetMillivolts { get; set; } = 8;

    public double Celsius { get; set; } = 22;

    public CalibrationSessionView Start(string sensor = "tank-ph", IReadOnlyList<double>? buffers = null, IReadOnlyList<double>? standards = null)
    {
        var started = Sessions.Start(new StartCalibrationRequest(sensor, Buffers: buffers, Standards: standards, Note: "electrode SN 1234"));
        Assert.Null(started.Problem);
        return started.Session!;
    }

    /// <summary>The electrode sits in <paramref name="bufferPh"/> and is read every 5 s for <paramref name="duration"/>.</summary>
    public void HoldInBuffer(double bufferPh, TimeSpan duration, double driftMillivoltsPerReading = 0)
    {
        var millivolts = OffsetMillivolts - (SlopeFraction * Nernst.SlopeMillivoltsPerPh(Celsius) * (bufferPh - 7));
        for (var t = TimeSpan.Zero; t <= duration; t += TimeSpan.FromSeconds(5))
        {
            PublishPh(millivolts);
            millivolts += driftMillivoltsPerReading;
            if (t < duration)
            {
                Time.Advance(TimeSpan.FromSeconds(5));
            }
        }
    }

    public void PublishPh(double millivolts) =>
        Live.Publish(new LiveSample("tank-ph",
            [new Measurement("ph", "pH", 7) { RawValue = millivolts, RawUnit = "mV" }, new Measurement("temperature", "Cel", Celsius)],
            Time.GetUtcNow()));

    /// <summary>The EC board sits in a standard, giving <paramref name="volts"/>, read every 5 s for <paramref name="duration"/>.</summary>
    public void HoldInStandard(double volts, TimeSpan duration)
    {
        for (var t = TimeSpan.Zero; t <= duration; t += TimeSpan.FromSeconds(5))
        {
            Live.Publish(new LiveSample("tank-ec",
                [new Measurement("conductivity", "S/m", 0.14) { RawValue = volts, RawUnit = "V" }, new Measurement("temperature", "Cel", Celsius)],
                Time.GetUtcNow()));
            if (t < duration)
            {
                Time.Advance(TimeSpan.FromSeconds(5));
            }
        }
    }

    public CalibrationSessionView Record(string session, double? reference = null)
    {
        var recorded = Sessions.Record(session, new RecordPointRequest(reference));
        Assert.True(recorded.Problem is null, recorded.Problem?.Reason.Message);
        return recorded.Session!;
    }

    private static SensorDefinition Definition(string id, string type) => new() { Id = id, Type = type, Bus = 1, Address = 0x48 };

    public void Dispose()
    {
        Sessions.Dispose();
        _folder.Dispose();
    }
}
