using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;

namespace SmartVillage.Plugins.Weather;

/// <summary>
/// Kit file type <c>ads1115-wind-vane</c>. Settings: <c>Channel</c> (0-3); <c>SupplyVolts</c> (default 3.3);
/// <c>PullUpOhms</c> (default 10000); <c>OffsetDegrees</c> (mounting correction, default 0).
/// Unit <c>deg</c> (RFC 8798).
/// </summary>
public sealed class WindVaneSensorFactory : Ads1115ProbeFactory
{
    public override string Type => "ads1115-wind-vane";

    protected override void ValidateProbe(SensorDefinition definition, List<string> problems)
    {
        SensorSettings.CheckNumber(definition, "SupplyVolts", 1.8, 5.5, problems);
        SensorSettings.CheckNumber(definition, "PullUpOhms", 1_000, 100_000, problems);
        SensorSettings.CheckNumber(definition, "OffsetDegrees", -360, 360, problems);
    }

    protected override ISensor Create(SensorDefinition definition, Ads1115Input input, IHardware hardware) =>
        new WindVaneSensor(
            input,
            SensorSettings.Number(definition, "SupplyVolts", 3.3),
            SensorSettings.Number(definition, "PullUpOhms", 10_000),
            SensorSettings.Number(definition, "OffsetDegrees", 0));
}
