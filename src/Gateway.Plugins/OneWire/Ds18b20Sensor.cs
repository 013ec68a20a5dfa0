using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.OneWire;

/// <summary>Soil, water or air temperature from a Maxim DS18B20 on the 1-Wire bus (GPIO 4 on a Pi, w1-gpio overlay).</summary>
public sealed class Ds18b20Sensor : ISensor
{
    // Operating range (datasheet, absolute maximum and accuracy tables): -55 to +125 °C.
    private const double MinCelsius = -55;
    private const double MaxCelsius = 125;

    private readonly Ds18b20Thermometer _thermometer;

    public Ds18b20Sensor(Ds18b20Thermometer thermometer)
    {
        ArgumentNullException.ThrowIfNull(thermometer);
        _thermometer = thermometer;
    }

    public async ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        var (celsius, error) = await _thermometer.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (celsius is not { } value)
        {
            return SensorSample.Failure(error!);
        }

        var quality = value is < MinCelsius or > MaxCelsius ? ReadingQuality.OutOfRange : ReadingQuality.Good;
        return SensorSample.Success(new Measurement("temperature", "Cel", Math.Round(value, 3), quality));
    }

    public void Dispose()
    {
        // Nothing held open: the kernel file is opened per read.
    }
}
