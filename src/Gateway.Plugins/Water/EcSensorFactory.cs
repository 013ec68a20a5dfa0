using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// Kit file type <c>ads1115-ec</c>. Settings: <c>Channel</c> (0-3); <c>CellConstant</c> (used until the probe is
/// calibrated; default 1); <c>TdsFactor</c> (default 0.5); <c>TemperatureDeviceId</c> or <c>TemperatureCelsius</c>;
/// <c>CalibrationDueDays</c> (default 30); <c>CalibrationFile</c> (as for <see cref="PhSensorFactory"/>).
/// </summary>
public sealed class EcSensorFactory : Ads1115ProbeFactory, ICalibratedSensorType
{
    private readonly CalibrationStore? _calibrations;
    private readonly CalibrationFiles _files;
    private readonly TimeProvider _time;

    /// <param name="calibrations">The store every EC sensor uses; null to open the one each definition names.</param>
    public EcSensorFactory(CalibrationStore? calibrations = null, TimeProvider? time = null)
        : this(new CalibrationFiles(null, PhSensorFactory.DefaultCalibrationFile), time) =>
        _calibrations = calibrations;

    /// <param name="files">Opens the file each definition names, shared with the kit's other calibrated sensors.</param>
    public EcSensorFactory(CalibrationFiles files, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = files;
        _time = time ?? TimeProvider.System;
    }

    public override string Type => "ads1115-ec";

    public CalibrationKind CalibrationKind => CalibrationKind.Ec;

    public string RawQuantity => "conductivity";

    /// <exception cref="CalibrationStoreException">The file exists but is damaged.</exception>
    public CalibrationStore StoreFor(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _calibrations ?? _files.Open(definition.Settings.GetValueOrDefault("CalibrationFile"));
    }

    public TimeSpan DueAfter(SensorDefinition definition) =>
        TimeSpan.FromDays(SensorSettings.Number(definition, "CalibrationDueDays", new EcCalibrationLimits().DueAfter.TotalDays));

    public double FallbackCelsius(SensorDefinition definition) =>
        SensorSettings.Number(definition, "TemperatureCelsius", CompensationTemperature.DefaultCelsius);

    protected override void ValidateProbe(SensorDefinition definition, List<string> problems)
    {
        SensorSettings.CheckNumber(definition, "CellConstant", 0.2, 5, problems);
        SensorSettings.CheckNumber(definition, "TdsFactor", 0.4, 1, problems);
        SensorSettings.CheckNumber(definition, "TemperatureCelsius", 0, 60, problems);
        SensorSettings.CheckNumber(definition, "CalibrationDueDays", 1, 3650, problems);
    }

    protected override ISensor Create(SensorDefinition definition, Ads1115Input input, IHardware hardware) =>
        new EcSensor(
            input,
            CompensationTemperature.From(definition, hardware),
            SensorSettings.Number(definition, "CellConstant", 1),
            SensorSettings.Number(definition, "TdsFactor", EcSensor.DefaultTdsFactor),
            new CalibrationSource(definition.Id, StoreFor(definition), DueAfter(definition), _time),
            constantConfigured: definition.Settings.ContainsKey("CellConstant"));
}
