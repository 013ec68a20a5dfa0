using System.Collections.Concurrent;
using System.Device.I2c;
using Iot.Device.Ads1115;

namespace SmartVillage.Plugins.Adc;

/// <summary>
/// One single-ended input of an ADS1115, read through the Iot.Device.Bindings <see cref="Ads1115"/> driver in
/// single-shot mode: every read writes the config (mux, PGA) and waits for its own conversion (datasheet §9.4.2),
/// so a value is never one left over from another input.
/// </summary>
/// <remarks>
/// Several sensors share one chip (a probe per input) and the gateway reads each sensor on its own task. A read is
/// a config write followed by a conversion read, so two interleaved reads would swap inputs: reads of one chip
/// (bus and address) are serialised by one lock shared by every <see cref="Ads1115Input"/> on it.
/// </remarks>
public sealed class Ads1115Input : IDisposable
{
    private static readonly ConcurrentDictionary<(int Bus, int Address), Lock> s_chipLocks = new();
    private readonly Ads1115 _adc;
    private readonly Lock _chip;

    /// <param name="channel">AIN0-AIN3, measured against GND.</param>
    /// <param name="range">PGA full scale; ±4.096 V covers a 3.3 V-powered probe.</param>
    /// <exception cref="IOException">No ADS1115 answers.</exception>
    /// <exception cref="TimeoutException">The chip never reported a finished conversion.</exception>
    public Ads1115Input(I2cDevice device, int channel, MeasuringRange range = MeasuringRange.FS4096)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channel, 3);
        Channel = channel;
        Multiplexer = InputMultiplexer.AIN0 + channel;
        _chip = s_chipLocks.GetOrAdd((device.ConnectionSettings.BusId, device.ConnectionSettings.DeviceAddress), _ => new Lock());
        lock (_chip)
        {
            _adc = new Ads1115(device, Multiplexer, range, DataRate.SPS128, DeviceMode.PowerDown);
        }
    }

    public int Channel { get; }

    private InputMultiplexer Multiplexer { get; }

    /// <summary>Starts a conversion on this input and returns its voltage.</summary>
    /// <exception cref="IOException">The chip did not acknowledge.</exception>
    /// <exception cref="TimeoutException">The conversion did not finish.</exception>
    public double ReadVolts()
    {
        lock (_chip)
        {
            return _adc.ReadVoltage(Multiplexer).Volts;
        }
    }

    public void Dispose()
    {
        lock (_chip)
        {
            try
            {
                _adc.Dispose();
            }
            catch (Exception e) when (e is IOException or TimeoutException)
            {
                // Dispose resets the comparator over the bus; a chip that is gone cannot be reset and needs nothing.
            }
        }
    }
}
