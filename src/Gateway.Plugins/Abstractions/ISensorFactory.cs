namespace SmartVillage.Plugins.Abstractions;

/// <summary>
/// Knows one sensor type: checks its part of the kit file and builds the sensor over the hardware seam.
/// </summary>
public interface ISensorFactory
{
    /// <summary>The <see cref="SensorDefinition.Type"/> this factory handles (lower case).</summary>
    string Type { get; }

    /// <summary>
    /// Problems with the definition, each naming the field and the fix (for example
    /// <c>Address: 0x99 is not a 7-bit I2C address; use 0x03-0x77</c>). Empty when valid.
    /// </summary>
    IReadOnlyList<string> Validate(SensorDefinition definition);

    /// <summary>Builds the sensor. Called only for definitions that passed <see cref="Validate"/>.</summary>
    ISensor Create(SensorDefinition definition, IHardware hardware);
}
