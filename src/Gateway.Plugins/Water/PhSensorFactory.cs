using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// Kit file type <c>ads1115-ph</c>. Settings: <c>Channel</c> (0-3); <c>BiasVolts</c> (default 1.65) and
/// <c>Gain</c> (default 3) of the amplifier board; <c>TemperatureDeviceId</c> (a DS18B20 in the same water) or
/// <c>TemperatureCelsius</c> (fixed, default 25); <c>CalibrationDueDays</c> (default 30).
/// <c>CalibrationFile</c> names the <see cref="CalibrationStore"/> the sensor's calibrations are kept in (relative to
/// the <see cref="CalibrationFiles"/> folder; absent: its default file, which in the gateway is <c>calibrations.json</c>
/// beside the reading database), unless the factory was given a store.
/// </summary>
public sealed class PhSensorFactory : Ads1115ProbeFactory, ICalibratedSensorType
{
    /// <summary>Where calibrations go when neither the factory nor the definition names a file: relative to the working directory.</summary>
    public const string DefaultCalibrationFile = "data/calibrations.json";

    private readonly CalibrationStore? _calibrations;
    private readonly CalibrationFiles _files;
    private readonly TimeProvider _time;

    /// <param name="calibrations">The store every pH sensor uses; null to open the one each definition names.</param>
    public PhSensorFactory(CalibrationStore? calibrations = null, TimeProvider? time = null)
        : this(new CalibrationFiles(null, DefaultCalibrationFile), time) =>
        _calibrations = calibrations;

    /// <param name="files">Opens the file each definition names, shared with the kit's other calibrated sensors.</param>
    public PhSensorFactory(CalibrationFiles files, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = files;
        _time = time ?? TimeProvider.System;
    }

    public override string Type => "ads1115-ph";

    public CalibrationKind CalibrationKind => CalibrationKind.Ph;

    public string RawQuantity => "ph";

    /// <summary>The store for <paramref name="definition"/>, opened once per file and shared.</summary>
    /// <exception cref="CalibrationStoreException">The file exists but is damaged.</exception>
    public CalibrationStore StoreFor(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _calibrations ?? _files.Open(definition.Settings.GetValueOrDefault("CalibrationFile"));
    }

    public TimeSpan DueAfter(SensorDefinition definition) =>
        TimeSpan.FromDays(SensorSettings.Number(definition, "CalibrationDueDays", new PhCalibrationLimits().DueAfter.TotalDays));

    public double FallbackCelsius(SensorDefinition definition) =>
        SensorSettings.Number(definition, "TemperatureCelsius", CompensationTemperature.DefaultCelsius);

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
            DueAfter(definition),
            _time);
}
