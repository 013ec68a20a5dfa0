using System.Device.I2c;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.I2c;

/// <summary>
/// Shared part of every single-chip I2C sensor type: the address must be one the chip answers at, the bus a bus
/// number (bus 1 on the Raspberry Pi header when the kit file names none). Subclasses check their own settings
/// and build the sensor over the opened <see cref="I2cDevice"/>.
/// </summary>
public abstract class I2cSensorFactory : ISensorFactory
{
    public abstract string Type { get; }

    /// <summary>7-bit addresses the chip can be strapped to.</summary>
    protected abstract IReadOnlyCollection<int> Addresses { get; }

    public IReadOnlyList<string> Validate(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        if (I2cAddress.Check(definition.Address, Addresses) is { } addressProblem)
        {
            problems.Add(addressProblem);
        }

        if (definition.Bus is < 0)
        {
            problems.Add($"Bus: {definition.Bus} is not an I2C bus number; use 1 for the Raspberry Pi header");
        }

        ValidateSettings(definition, problems);
        return problems;
    }

    public ISensor Create(SensorDefinition definition, IHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hardware);
        var device = hardware.OpenI2c(definition.Bus ?? 1, definition.Address!.Value);
        try
        {
            return Create(definition, device);
        }
        catch
        {
            device.Dispose(); // A chip that did not answer at open leaves nothing else to clean up.
            throw;
        }
    }

    /// <summary>Adds problems with the type's own <see cref="SensorDefinition.Settings"/>.</summary>
    protected virtual void ValidateSettings(SensorDefinition definition, List<string> problems)
    {
    }

    /// <summary>Builds the sensor; it owns and disposes <paramref name="device"/>.</summary>
    /// <exception cref="IOException">The chip did not answer or answered as something else.</exception>
    protected abstract ISensor Create(SensorDefinition definition, I2cDevice device);
}
