using System.Device.I2c;
using Iot.Device.Sht3x;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.I2c;

namespace SmartVillage.Plugins.Sensirion;

/// <summary>
/// Air temperature and relative humidity from a Sensirion SHT3x (SHT30/31/35) through the Iot.Device.Bindings
/// <see cref="Sht3x"/> driver: single-shot measurements without clock stretching (datasheet, "Measurement Commands for
/// Single Shot Data Acquisition Mode"), T = −45 + 175·S_T/65535 °C and RH = 100·S_RH/65535 % ("Conversion of
/// Signal Output").
/// </summary>
/// <remarks>
/// The binding reads on every property get (command, 20 ms sleep, six bytes) and, when a CRC does not match,
/// silently keeps its previous value. This class therefore watches the bytes the binding read and turns a CRC
/// mismatch into a failure: a stale value never passes for a measurement. A NACK (no chip, or a read before the
/// measurement ended) is an <see cref="IOException"/> from the bus, reported as a failure too.
/// </remarks>
public sealed class Sht3xSensor : ISensor
{
    // Specified range (datasheet, temperature sensor specification): -40..125 °C. Outside it a CRC-valid value is still implausible.
    private const double MinCelsius = -40;
    private const double MaxCelsius = 125;

    private readonly ReadRecordingI2cDevice _bus;
    private readonly Sht3x _device;

    /// <exception cref="IOException">No SHT3x acknowledges the soft reset sent at open.</exception>
    public Sht3xSensor(I2cDevice device, Resolution repeatability = Resolution.High)
    {
        ArgumentNullException.ThrowIfNull(device);
        _bus = new ReadRecordingI2cDevice(device);
        _device = new Sht3x(_bus, repeatability);
    }

    public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Each property is its own measurement; each is checked before its value is believed.
            var temperature = _device.Temperature.DegreesCelsius;
            if (CrcProblem("temperature") is { } temperatureProblem)
            {
                return ValueTask.FromResult(SensorSample.Failure(temperatureProblem));
            }

            var humidity = _device.Humidity.Percent;
            if (CrcProblem("humidity") is { } humidityProblem)
            {
                return ValueTask.FromResult(SensorSample.Failure(humidityProblem));
            }

            var quality = temperature is < MinCelsius or > MaxCelsius ? ReadingQuality.OutOfRange : ReadingQuality.Good;
            return ValueTask.FromResult(SensorSample.Success(
                new Measurement("temperature", "Cel", temperature, quality),
                new Measurement("humidity", "%RH", humidity, quality)));
        }
        catch (IOException e)
        {
            return ValueTask.FromResult(SensorSample.Failure($"SHT3x at 0x{_bus.ConnectionSettings.DeviceAddress:X2} did not acknowledge: {e.Message}"));
        }
    }

    /// <summary>Why the measurement just read cannot be trusted, or null.</summary>
    private string? CrcProblem(string reading)
    {
        var frame = _bus.LastRead;
        return frame.Length == 6 && SensirionCrc.FirstBadWord(frame) is null
            ? null
            : $"SHT3x {reading} measurement failed its CRC (word {SensirionCrc.FirstBadWord(frame)} of {Convert.ToHexString(frame)}): noise on the bus; no value reported";
    }

    public void Dispose() => _device.Dispose();
}
