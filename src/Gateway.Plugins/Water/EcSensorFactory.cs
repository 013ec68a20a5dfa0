using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// Kit file type <c>ads1115-ec</c>. Settings: <c>Channel</c> (0-3); <c>CellConstant</c> (default 1, from a
/// 1413 µS/cm standard); <c>TdsFactor</c> (default 0.5); <c>TemperatureDeviceId</c> or <c>TemperatureCelsius</c>.
/// </summary>
public sealed class EcSensorFactory : Ads1115ProbeFactory
{
    public override string Type => "ads1115-ec";

    protected override void ValidateProbe(SensorDefinition definition, List<string> problems)
    {
        SensorSettings.CheckNumber(definition, "CellConstant", 0.2, 5, problems);
        SensorSettings.CheckNumber(definition, "TdsFactor", 0.4, 1, problems);
        SensorSettings.CheckNumber(definition, "TemperatureCelsius", 0, 60, problems);
    }

    protected override ISensor Create(SensorDefinition definition, Ads1115Input input, IHardware hardware) =>
        new EcSensor(
            input,
            CompensationTemperature.From(definition, hardware),
            SensorSettings.Number(definition, "CellConstant", 1),
            SensorSettings.Number(definition, "TdsFactor", EcSensor.DefaultTdsFactor));
}
