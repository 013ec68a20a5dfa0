using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;

namespace SmartVillage.Plugins.Soil;

/// <summary>
/// Kit file type <c>ads1115-soil-moisture</c>. Settings: <c>Channel</c> (0-3), <c>AirVolts</c> and
/// <c>WaterVolts</c> (the probe's output in dry air and in water, measured at the kit's supply voltage).
/// </summary>
public sealed class CapacitiveSoilMoistureSensorFactory : Ads1115ProbeFactory
{
    public override string Type => "ads1115-soil-moisture";

    protected override void ValidateProbe(SensorDefinition definition, List<string> problems)
    {
        SensorSettings.CheckNumber(definition, "AirVolts", 0, 5, problems);
        SensorSettings.CheckNumber(definition, "WaterVolts", 0, 5, problems);
        if (problems.Count == 0
            && SensorSettings.OptionalNumber(definition, "AirVolts") is { } air
            && SensorSettings.OptionalNumber(definition, "WaterVolts") is { } water
            && air <= water)
        {
            problems.Add($"Settings:AirVolts: {air} V must be above WaterVolts {water} V; a capacitive probe reads lower when wet");
        }
    }

    protected override ISensor Create(SensorDefinition definition, Ads1115Input input, IHardware hardware) =>
        new CapacitiveSoilMoistureSensor(
            input, SensorSettings.OptionalNumber(definition, "AirVolts"), SensorSettings.OptionalNumber(definition, "WaterVolts"));
}
