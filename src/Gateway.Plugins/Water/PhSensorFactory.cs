using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// Kit file type <c>ads1115-ph</c>. Settings: <c>Channel</c> (0-3); <c>BiasVolts</c> (default 1.65) and
/// <c>Gain</c> (default 3) of the amplifier board; <c>TemperatureDeviceId</c> (a DS18B20 in the same water) or
/// <c>TemperatureCelsius</c> (fixed, default 25); <c>CalibrationDueDays</c> (default 30).
/// Calibrations are read from the <see cref="CalibrationStore"/> the gateway gives this factory.
/// </summary>
public sealed class PhSensorFactory : Ads1115ProbeFactory
{
    private readonly CalibrationStore _calibrations;
    private readonly TimeProvider _time;

    public PhSensorFactory(CalibrationStore calibrations, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(calibrations);
        _calibrations = calibrations;
        _time = time ?? TimeProvider.System;
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
            _calibrations,
            TimeSpan.FromDays(SensorSettings.Number(definition, "CalibrationDueDays", new PhCalibrationLimits().DueAfter.TotalDays)),
            _time);
}
