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
    // Operating range (BME280 datasheet §1, Table 1). The driver turns whatever bytes the bus returns into
    // numbers: a bus reading all 0xFF gives 187.5 °C and a negative pressure. Such a read is a failure, never a value.
    private const double MinTemperatureCelsius = -40;
    private const double MaxTemperatureCelsius = 85;
    private const double MinPressurePascals = 30_000;
    private const double MaxPressurePascals = 110_000;

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
        if (result.Temperature is { } t && t.DegreesCelsius is < MinTemperatureCelsius or > MaxTemperatureCelsius or double.NaN)
        {
            // Pressure and humidity are compensated with this temperature's t_fine, so they are not trusted either.
            return SensorSample.Failure(
                $"BME280 temperature {t.DegreesCelsius:F2} °C is outside the chip's -40..85 °C range: corrupt bus data");
        }

        if (result.Pressure is { } p && p.Pascals is < MinPressurePascals or > MaxPressurePascals or double.NaN)
        {
            return SensorSample.Failure(
                $"BME280 pressure {p.Pascals:F0} Pa is outside the chip's 300..1100 hPa range: corrupt bus data");
        }

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
