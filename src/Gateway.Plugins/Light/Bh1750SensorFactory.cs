using System.Device.I2c;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.I2c;

namespace SmartVillage.Plugins.Light;

/// <summary>
/// Kit file type <c>bh1750</c>: I2C, address 0x23 (ADDR to GND) or 0x5C (ADDR to VCC). Settings:
/// <c>MeasurementTime</c> (MTreg 31-253, default 69; use 31 in full sun, see <see cref="Bh1750Sensor"/>),
/// <c>WindowTransmittance</c> (0.05-1, default 1: the fraction of light a dome or diffuser lets through).
/// </summary>
public sealed class Bh1750SensorFactory : I2cSensorFactory
{
    private static readonly int[] s_addresses = [0x23, 0x5C];

    public override string Type => "bh1750";

    protected override IReadOnlyCollection<int> Addresses => s_addresses;

    protected override void ValidateSettings(SensorDefinition definition, List<string> problems)
    {
        SensorSettings.CheckNumber(definition, "MeasurementTime", Bh1750Sensor.MinMeasurementTime, Bh1750Sensor.MaxMeasurementTime, problems);
        SensorSettings.CheckNumber(definition, "WindowTransmittance", 0.05, 1, problems);
    }

    protected override ISensor Create(SensorDefinition definition, I2cDevice device) =>
        new Bh1750Sensor(
            device,
            (int)SensorSettings.Number(definition, "MeasurementTime", Bh1750Sensor.DefaultMeasurementTime),
            SensorSettings.Number(definition, "WindowTransmittance", 1));
}
