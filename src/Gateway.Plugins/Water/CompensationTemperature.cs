using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.OneWire;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// The water temperature a probe's reading is compensated with: a DS18B20 in the same water
/// (<c>Settings:TemperatureDeviceId</c>) or, without one, a fixed <c>Settings:TemperatureCelsius</c> (default 25).
/// When the DS18B20 fails, the fixed value is used and the reading says so.
/// </summary>
public sealed class CompensationTemperature
{
    public const double DefaultCelsius = 25;

    private readonly Ds18b20Thermometer? _thermometer;
    private readonly double _fixedCelsius;

    public CompensationTemperature(Ds18b20Thermometer? thermometer, double fixedCelsius = DefaultCelsius)
    {
        _thermometer = thermometer;
        _fixedCelsius = fixedCelsius;
    }

    public static CompensationTemperature From(SensorDefinition definition, IHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hardware);
        var deviceId = definition.Settings.GetValueOrDefault("TemperatureDeviceId");
        return new CompensationTemperature(
            deviceId is null ? null : new Ds18b20Thermometer(hardware.OneWireFolder, deviceId),
            SensorSettings.Number(definition, "TemperatureCelsius", DefaultCelsius));
    }

    /// <returns>The temperature, and whether it was measured now (false: the fixed value stood in).</returns>
    public async ValueTask<(double Celsius, bool Measured)> ReadAsync(CancellationToken cancellationToken)
    {
        if (_thermometer is null)
        {
            return (_fixedCelsius, false);
        }

        var (celsius, _) = await _thermometer.ReadAsync(cancellationToken).ConfigureAwait(false);
        return celsius is { } value ? (value, true) : (_fixedCelsius, false);
    }

    /// <summary>True when a DS18B20 is configured (a reading compensated without it then used the fixed value).</summary>
    public bool HasThermometer => _thermometer is not null;
}
