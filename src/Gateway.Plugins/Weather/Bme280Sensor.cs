using System.Device.I2c;
using Iot.Device.Bmxx80;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Weather;

/// <summary>
/// Air temperature, relative humidity and barometric pressure from a Bosch BME280, through the
/// Iot.Device.Bindings <see cref="Bme280"/> driver. Forced mode: one conversion per read (datasheet §3.3.3),
/// which keeps the sensor asleep between reads and avoids self-heating.
/// </summary>
public sealed class Bme280Sensor : ISensor
{
    private readonly Bme280 _device;

    /// <exception cref="IOException">No BME280 answers on <paramref name="i2cDevice"/> (wrong chip id or NACK).</exception>
    public Bme280Sensor(I2cDevice i2cDevice)
    {
        ArgumentNullException.ThrowIfNull(i2cDevice);
        _device = new Bme280(i2cDevice)
        {
            TemperatureSampling = Sampling.Standard,
            PressureSampling = Sampling.Standard,
            HumiditySampling = Sampling.Standard,
        };
    }

    public async ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        var result = await _device.ReadAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var measurements = new List<Measurement>(3);
        if (result.Temperature is { } temperature)
        {
            measurements.Add(new Measurement("temperature", "Cel", Math.Round(temperature.DegreesCelsius, 2)));
        }

        if (result.Humidity is { } humidity)
        {
            measurements.Add(new Measurement("humidity", "%RH", Math.Round(humidity.Percent, 2)));
        }

        if (result.Pressure is { } pressure)
        {
            measurements.Add(new Measurement("pressure", "Pa", Math.Round(pressure.Pascals, 1)));
        }

        // The driver reports a skipped or failed conversion as null; a read that produced nothing is a failure,
        // never an empty success that would look like a healthy sensor.
        return measurements.Count == 0
            ? SensorSample.Failure("BME280 returned no value (all conversions skipped or failed)")
            : SensorSample.Success(measurements);
    }

    public void Dispose() => _device.Dispose();
}
