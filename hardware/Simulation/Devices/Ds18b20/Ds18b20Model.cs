using System.Globalization;
using System.Text;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Ds18b20;

/// <summary>
/// A Maxim DS18B20 as the Linux w1-therm driver shows it: <c>&lt;folder&gt;/&lt;id&gt;/w1_slave</c> holding the nine
/// scratchpad bytes, the driver's CRC verdict and the temperature in m°C. The file is rewritten every second
/// (a 12-bit conversion takes 750 ms, datasheet Table 2) from the injected clock, and by <see cref="Refresh"/>.
/// </summary>
public sealed class Ds18b20Model : IDisposable
{
    private static readonly TimeSpan s_conversionPeriod = TimeSpan.FromSeconds(1);
    private readonly SimulatedEnvironment _environment;
    private readonly Func<EnvironmentConditions, double> _measure;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private string? _written;
    private OneWireFault _fault;

    public Ds18b20Model(
        SimulatedEnvironment environment, string folder, string deviceId, Func<EnvironmentConditions, double> measure, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(time);
        _environment = environment;
        _measure = measure;
        DeviceFolder = Path.Combine(folder, deviceId);
        Refresh();
        // One-shot, re-armed after each conversion: a clock that jumps ahead (a test skipping a month) then costs one
        // conversion, not one per second skipped.
        _timer = time.CreateTimer(_ => Convert(), null, s_conversionPeriod, Timeout.InfiniteTimeSpan);
    }

    public string DeviceFolder { get; }

    public string SlaveFile => Path.Combine(DeviceFolder, "w1_slave");

    public OneWireFault Fault
    {
        get => _fault;
        set
        {
            _fault = value;
            Refresh();
        }
    }

    private void Convert()
    {
        Refresh();
        _timer.Change(s_conversionPeriod, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Converts now and rewrites the file (only when its text changes, to spare the disk).</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            if (_fault == OneWireFault.Absent)
            {
                if (Directory.Exists(DeviceFolder))
                {
                    Directory.Delete(DeviceFolder, recursive: true);
                }

                _written = null;
                return;
            }

            var celsius = _fault == OneWireFault.PowerOnReset ? 85.0 : _measure(_environment.Current);
            var text = SlaveText(celsius, _fault == OneWireFault.CrcError);
            if (text == _written)
            {
                return;
            }

            Directory.CreateDirectory(DeviceFolder);
            var temporary = SlaveFile + ".tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, SlaveFile, overwrite: true); // Readers see the old or the new text, never half.
            _written = text;
        }
    }

    /// <summary>The w1_slave text for <paramref name="celsius"/>: 12-bit resolution, 1/16 °C (datasheet §"Operation").</summary>
    public static string SlaveText(double celsius, bool corrupt = false)
    {
        var raw = (short)Math.Round(celsius * 16);
        Span<byte> scratchpad = [(byte)raw, (byte)(raw >> 8), 0x4B, 0x46, 0x7F, 0xFF, 0x0C, 0x10, 0];
        scratchpad[8] = Crc8(scratchpad[..8]);
        if (corrupt)
        {
            scratchpad[0] ^= 0x5A; // The bytes changed on the wire; the CRC the sensor sent no longer matches.
        }

        var bytes = string.Join(' ', scratchpad.ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        var verdict = Crc8(scratchpad[..8]) == scratchpad[8] ? "YES" : "NO";
        var shown = (short)(scratchpad[0] | (scratchpad[1] << 8));
        var builder = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{bytes} : crc={scratchpad[8]:x2} {verdict}\n")
            .Append(CultureInfo.InvariantCulture, $"{bytes} t={shown * 1000 / 16}\n");
        return builder.ToString();
    }

    /// <summary>Dallas/Maxim CRC-8 (x^8 + x^5 + x^4 + 1, reflected 0x8C), application note 27.</summary>
    public static byte Crc8(ReadOnlySpan<byte> data)
    {
        byte crc = 0;
        foreach (var b in data)
        {
            var value = b;
            for (var i = 0; i < 8; i++)
            {
                var mix = (byte)((crc ^ value) & 1);
                crc >>= 1;
                if (mix != 0)
                {
                    crc ^= 0x8C;
                }

                value >>= 1;
            }
        }

        return crc;
    }

    public void Dispose() => _timer.Dispose();
}
