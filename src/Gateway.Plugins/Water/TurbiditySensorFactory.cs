using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// Kit file type <c>ads1115-turbidity</c>. Settings: <c>Channel</c> (0-3); <c>Coefficients</c> (c0,c1,c2,... of
/// NTU over board volts; default the SEN0189 curve); <c>DividerRatio</c> (default 1.5); <c>MinVolts</c> (2.5) and
/// <c>MaxVolts</c> (4.2, clear water).
/// </summary>
public sealed class TurbiditySensorFactory : Ads1115ProbeFactory
{
    public override string Type => "ads1115-turbidity";

    protected override void ValidateProbe(SensorDefinition definition, List<string> problems)
    {
        SensorSettings.CheckNumber(definition, "DividerRatio", 1, 10, problems);
        SensorSettings.CheckNumber(definition, "MinVolts", 0, 5, problems);
        SensorSettings.CheckNumber(definition, "MaxVolts", 0, 5, problems);
        if (definition.Settings.TryGetValue("Coefficients", out var text))
        {
            try
            {
                if (SensorSettings.Numbers(definition, "Coefficients", []).Count is < 1 or > 6)
                {
                    problems.Add("Settings:Coefficients: give 1 to 6 numbers, c0,c1,c2,... of NTU = c0 + c1·V + c2·V² ...");
                }
            }
            catch (FormatException)
            {
                problems.Add($"Settings:Coefficients: '{text}' is not a comma-separated list of numbers");
            }
        }
    }

    protected override ISensor Create(SensorDefinition definition, Ads1115Input input, IHardware hardware) =>
        new TurbiditySensor(
            input,
            SensorSettings.Numbers(definition, "Coefficients", TurbiditySensor.DefaultCoefficients),
            SensorSettings.Number(definition, "DividerRatio", 1.5),
            SensorSettings.Number(definition, "MinVolts", 2.5),
            SensorSettings.Number(definition, "MaxVolts", 4.2));
}
