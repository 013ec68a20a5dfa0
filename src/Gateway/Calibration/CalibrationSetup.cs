using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Calibration;

/// <summary>Reads the <c>Calibration</c> section and opens the kit's calibration files before anything starts.</summary>
public static class CalibrationSetup
{
    /// <exception cref="KitConfigurationException">
    /// A <c>Calibration</c> value is wrong, or a calibration file is damaged: the gateway must not guess calibrations.
    /// </exception>
    public static (CalibratableSensors Sensors, CalibrationOptions Options) Load(
        IConfiguration configuration, KitOptions kit, SensorRegistry registry, string kitPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        CalibrationOptions options;
        try
        {
            options = configuration.GetSection(CalibrationOptions.Section).Get<CalibrationOptions>() ?? new CalibrationOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new KitConfigurationException(kitPath, [e.Message]);
        }

        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new KitConfigurationException(kitPath, problems);
        }

        try
        {
            return (CalibratableSensors.From(kit, registry), options);
        }
        catch (CalibrationStoreException e)
        {
            throw new KitConfigurationException(kitPath, [$"{e.Message} Fix or move the file; calibrations are never guessed."]);
        }
    }
}
