using System.Device.I2c;
using Iot.Device.Sht4x;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.I2c;

namespace SmartVillage.Plugins.Sensirion;

/// <summary>
/// Air temperature and relative humidity from a Sensirion SHT4x (SHT40/41/45) through the Iot.Device.Bindings
/// <see cref="Sht4x"/> driver: one measurement command, the binding's wait, six bytes; T = −45 + 175·S_T/65535 °C,
/// RH = −6 + 125·S_RH/65535 % cropped to 0-100 (datasheet, "Conversion of Signal Output").
/// </summary>
/// <remarks>
/// Unlike the SHT3x binding, this one returns null for a word whose CRC fails; a null is a failure here, never
/// replaced by the previous value. A NACK (no chip, or a read before the measurement ended) is a failure too.
/// Low repeatability is not offered: the binding waits 2 ms for a measurement the datasheet allows 1.6 ms, which
/// a millisecond timer can cut short.
/// </remarks>
public sealed class Sht4xSensor : ISensor
{
    private const double MinCelsius = -40;
    private const double MaxCelsius = 125;

    private readonly ReadRecordingI2cDevice _bus;
    private readonly Sht4x _device;
    private readonly Sht4xRepeatability _repeatability;

    /// <exception cref="IOException">No SHT4x acknowledges the soft reset sent at open.</exception>
    public Sht4xSensor(I2cDevice device, Sht4xRepeatability repeatability = Sht4xRepeatability.High)
    {
        ArgumentNullException.ThrowIfNull(device);
        _bus = new ReadRecordingI2cDevice(device);
        _device = new Sht4x(_bus);
        _repeatability = repeatability;
    }

    public async ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        (UnitsNet.RelativeHumidity? Humidity, UnitsNet.Temperature? Temperature) result;
        try
        {
            result = await _device.ReadHumidityAndTemperatureAsync(_repeatability).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            return SensorSample.Failure($"SHT4x at 0x{_bus.ConnectionSettings.DeviceAddress:X2} did not acknowledge: {e.Message}");
        }

        if (result.Temperature is not { } temperature || result.Humidity is not { } humidity)
        {
            return SensorSample.Failure(
                $"SHT4x measurement failed its CRC (word {SensirionCrc.FirstBadWord(_bus.LastRead)} of {Convert.ToHexString(_bus.LastRead)}): noise on the bus; no value reported");
        }

        var celsius = Math.Round(temperature.DegreesCelsius, 2);
        var quality = celsius is < MinCelsius or > MaxCelsius ? ReadingQuality.OutOfRange : ReadingQuality.Good;
        return SensorSample.Success(
            new Measurement("temperature", "Cel", celsius, quality),
            new Measurement("humidity", "%RH", Math.Round(humidity.Percent, 2), quality));
    }

    public void Dispose() => _device.Dispose();
}
