using System.Device.I2c;
using Iot.Device.Bh1750fvi;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Light;

/// <summary>
/// Illuminance from a ROHM BH1750FVI through the Iot.Device.Bindings <see cref="Bh1750fvi"/> driver, in
/// continuously-H-resolution mode. Datasheet, measurement sequence example: lx = counts / 1.2 at the default
/// measurement time MTreg = 69 (0x8390 = 33680 counts is 28067 lx); "Adjust measurement result for influence of
/// optical window": sensitivity scales with MTreg, so lx = counts / 1.2 × 69 / MTreg, and light outside a window
/// of transmittance τ is that divided by τ.
/// </summary>
/// <remarks>
/// <para>Three pitfalls of the binding are handled here. (1) It writes the mode command and reads at once, with no
/// wait: right after power-on the data register still holds its reset value 0, and a read sooner than one
/// measurement time after the previous command returns the measurement before it. This class waits until a
/// whole measurement time has passed since the last command. (2) Its "light transmittance" sets MTreg = 69 / τ but
/// then divides by τ where the datasheet's sensitivity multiplies: the lux is right only at τ = 1. This class uses the setter only to
/// program MTreg, recovers the counts from the binding's value and converts them itself. (3) Full sun (about
/// 100 klx) saturates the counter at MTreg 69 (65535 counts = 54.6 klx); MTreg 31 reaches about 121 klx.</para>
/// <para>A saturated counter (65535, also what a bus whose pull-ups win reads) is flagged OutOfRange, not
/// dropped. A NACK is a failure.</para>
/// </remarks>
public sealed class Bh1750Sensor : ISensor
{
    /// <summary>Datasheet default measurement time register value.</summary>
    public const int DefaultMeasurementTime = 69;

    /// <summary>Lowest and highest MTreg the binding can program (its transmittance must stay in 0.272-2.225).</summary>
    public const int MinMeasurementTime = 31;
    public const int MaxMeasurementTime = 253;

    private const int FullScaleCounts = 65535;

    // Datasheet electrical characteristics: H-resolution measurement time 120 ms typical, 180 ms maximum at MTreg 69.
    private static readonly TimeSpan s_maxMeasurementTimeAtDefault = TimeSpan.FromMilliseconds(180);

    private readonly Bh1750fvi _device;
    private readonly int _address;
    private readonly int _measurementTime;
    private readonly double _bindingTransmittance;
    private readonly double _windowTransmittance;
    private readonly TimeSpan _measurementWait;
    private readonly TimeProvider _busClock;
    private long? _lastCommand;

    /// <param name="measurementTime">MTreg, 31-253: lower reaches brighter light with coarser steps.</param>
    /// <param name="windowTransmittance">Fraction of light the sensor's window or diffuser lets through, 0.05-1.</param>
    /// <param name="busClock">Clock for the chip's measurement time: real time on a bus (the default).</param>
    /// <exception cref="IOException">No BH1750 acknowledges the power-on and reset commands.</exception>
    public Bh1750Sensor(I2cDevice device, int measurementTime = DefaultMeasurementTime, double windowTransmittance = 1, TimeProvider? busClock = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfLessThan(measurementTime, MinMeasurementTime);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(measurementTime, MaxMeasurementTime);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(windowTransmittance, 0);
        _address = device.ConnectionSettings.DeviceAddress;
        _measurementTime = measurementTime;
        _windowTransmittance = windowTransmittance;
        // The binding programs MTreg = (byte)(69 / τ): half a step above the wanted value survives the truncation.
        _bindingTransmittance = DefaultMeasurementTime / (measurementTime + 0.5);
        _measurementWait = s_maxMeasurementTimeAtDefault * measurementTime / DefaultMeasurementTime;
        _busClock = busClock ?? TimeProvider.System;
        _device = new Bh1750fvi(device, MeasuringMode.ContinuouslyHighResolutionMode, _bindingTransmittance);
    }

    /// <summary>Lux for a count at an MTreg, before the window.</summary>
    public static double Lux(int counts, int measurementTime) => counts / 1.2 * DefaultMeasurementTime / measurementTime;

    public async ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_lastCommand is null)
            {
                // The first command starts continuous measurement; what it reads is the reset value, not light.
                _ = _device.Illuminance;
                _lastCommand = _busClock.GetTimestamp();
            }

            var wait = _measurementWait - _busClock.GetElapsedTime(_lastCommand.Value);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _busClock, cancellationToken).ConfigureAwait(false);
            }

            var bindingLux = _device.Illuminance.Lux;
            _lastCommand = _busClock.GetTimestamp();
            var counts = (int)Math.Round(bindingLux * 1.2 * _bindingTransmittance);
            var lux = Lux(counts, _measurementTime) / _windowTransmittance;
            var quality = counts >= FullScaleCounts ? ReadingQuality.OutOfRange : ReadingQuality.Good;
            return SensorSample.Success(
                new Measurement("illuminance", "lx", Math.Round(lux, 1), quality) { RawValue = counts, RawUnit = "count" });
        }
        catch (IOException e)
        {
            _lastCommand = null; // After a lost command the chip may have reset: start over.
            return SensorSample.Failure($"BH1750 at 0x{_address:X2} did not acknowledge: {e.Message}");
        }
    }

    public void Dispose() => _device.Dispose();
}
