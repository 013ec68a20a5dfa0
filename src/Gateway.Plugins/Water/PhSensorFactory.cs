using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// Kit file type <c>ads1115-ph</c>. Settings: <c>Channel</c> (0-3); <c>BiasVolts</c> (default 1.65) and
/// <c>Gain</c> (default 3) of the amplifier board; <c>TemperatureDeviceId</c> (a DS18B20 in the same water) or
/// <c>TemperatureCelsius</c> (fixed, default 25); <c>CalibrationDueDays</c> (default 30).
/// <c>CalibrationFile</c> (default <c>data/calibrations.json</c>, relative to the working directory) names the
/// <see cref="CalibrationStore"/> the sensor's calibrations are kept in, unless the factory was given a store.
/// </summary>
public sealed class PhSensorFactory : Ads1115ProbeFactory
{
    public const string DefaultCalibrationFile = "data/calibrations.json";

    private readonly CalibrationStore? _calibrations;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, CalibrationStore> _stores = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <param name="calibrations">The store every pH sensor uses; null to open the one each definition names.</param>
    public PhSensorFactory(CalibrationStore? calibrations = null, TimeProvider? time = null)
    {
        _calibrations = calibrations;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The store for <paramref name="definition"/>, opened once per file and shared.</summary>
    /// <exception cref="CalibrationStoreException">The file exists but is damaged.</exception>
    public CalibrationStore StoreFor(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (_calibrations is not null)
        {
            return _calibrations;
        }

        var path = Path.GetFullPath(definition.Settings.GetValueOrDefault("CalibrationFile") ?? DefaultCalibrationFile);
        lock (_gate)
        {
            if (!_stores.TryGetValue(path, out var store))
            {
                store = new CalibrationStore(path);
                _stores[path] = store;
            }

            return store;
        }
    }

    public override string Type => "ads1115-ph";

    protected override void ValidateProbe(SensorDefinition definition, List<string> problems)
    {
        SensorSettings.CheckNumber(definition, "BiasVolts", 0, 5, problems);
        SensorSettings.CheckNumber(definition, "Gain", 0.1, 100, problems);
        SensorSettings.CheckNumber(definition, "TemperatureCelsius", 0, 60, problems);
        SensorSettings.CheckNumber(definition, "CalibrationDueDays", 1, 3650, problems);
    }

    protected override ISensor Create(SensorDefinition definition, Ads1115Input input, IHardware hardware) =>
        new PhSensor(
            definition.Id,
            input,
            new PhBoard(SensorSettings.Number(definition, "BiasVolts", 1.65), SensorSettings.Number(definition, "Gain", 3)),
            CompensationTemperature.From(definition, hardware),
            StoreFor(definition),
            TimeSpan.FromDays(SensorSettings.Number(definition, "CalibrationDueDays", new PhCalibrationLimits().DueAfter.TotalDays)),
            _time);
}
