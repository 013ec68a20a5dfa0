using SmartVillage.Hardware.Simulation.Buses;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Sensirion;

/// <summary>
/// What SHT3x and SHT4x chips share on the bus: a command starts a measurement that takes a few milliseconds;
/// while it runs the chip does not acknowledge its address, and a read with no result waiting is not acknowledged
/// either (both datasheets, single-shot mode without clock stretching). A result is read once, as CRC-protected
/// words.
/// </summary>
/// <remarks>
/// Measurement time runs on the bus clock (real time by default), because the bindings wait for it with
/// <c>Thread.Sleep</c>/<c>Task.Delay</c>; the values come from the environment on the kit's clock when the
/// measurement starts. A NACK is an <see cref="IOException"/>, as the Linux i2c-dev path reports it.
/// </remarks>
public abstract class SensirionModel : II2cDeviceModel
{
    private readonly TimeProvider _busClock;
    private long _busyUntil;
    private byte[]? _response;

    protected SensirionModel(SimulatedEnvironment environment, TimeProvider? busClock)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Environment = environment;
        _busClock = busClock ?? TimeProvider.System;
        _busyUntil = _busClock.GetTimestamp();
    }

    /// <summary>Measurements started since power-on.</summary>
    public int MeasurementCount { get; private set; }

    /// <summary>When true, every CRC byte sent is wrong (noise on SDA); the data bytes are right.</summary>
    public bool CorruptCrc { get; set; }

    protected SimulatedEnvironment Environment { get; }

    protected abstract string ChipName { get; }

    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return; // An address probe.
        }

        RefuseWhileBusy();
        if (!Command(data))
        {
            throw new IOException($"{ChipName}: command {Convert.ToHexString(data)} not acknowledged (simulated: no such command)");
        }
    }

    public void Read(Span<byte> buffer)
    {
        RefuseWhileBusy();
        if (_response is null)
        {
            throw new IOException($"{ChipName}: read not acknowledged (simulated: no measurement or response waiting)");
        }

        var response = _response;
        _response = null;
        for (var i = 0; i < buffer.Length; i++)
        {
            // Past the response the chip sends 0xFF (it no longer drives SDA).
            buffer[i] = i < response.Length ? response[i] : (byte)0xFF;
            if (CorruptCrc && i % 3 == 2 && i < response.Length)
            {
                buffer[i] ^= 0x5A;
            }
        }
    }

    /// <summary>Acts on one command.</summary>
    /// <returns>False for a command the chip does not know (it is not acknowledged).</returns>
    protected abstract bool Command(ReadOnlySpan<byte> command);

    /// <summary>Starts a measurement whose result, the given words, can be read after <paramref name="duration"/>.</summary>
    protected void Measure(TimeSpan duration, params ushort[] words)
    {
        MeasurementCount++;
        Busy(duration);
        _response = SensirionFrame.Of(words);
    }

    /// <summary>Puts a response (status, serial number) up for the next read, at once.</summary>
    protected void Respond(params ushort[] words) => _response = SensirionFrame.Of(words);

    /// <summary>The chip ignores the bus for <paramref name="duration"/> (a measurement, a reset).</summary>
    protected void Busy(TimeSpan duration)
    {
        _response = null;
        _busyUntil = _busClock.GetTimestamp() + (long)(duration.TotalSeconds * _busClock.TimestampFrequency);
    }

    private void RefuseWhileBusy()
    {
        if (_busClock.GetTimestamp() < _busyUntil)
        {
            throw new IOException($"{ChipName}: address not acknowledged (simulated: measurement or reset still running)");
        }
    }
}
