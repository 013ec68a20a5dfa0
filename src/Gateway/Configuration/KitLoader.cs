using SmartVillage.Gateway.Acquisition;

namespace SmartVillage.Gateway.Configuration;

/// <summary>Binds and validates the gateway and kit sections, refusing to go on with anything wrong.</summary>
public static class KitLoader
{
    /// <exception cref="KitConfigurationException">A value cannot be bound or the kit is invalid.</exception>
    public static (GatewayOptions Gateway, KitOptions Kit) Load(IConfiguration configuration, string kitPath, SensorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        GatewayOptions gateway;
        KitOptions kit;
        try
        {
            gateway = configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
            kit = configuration.GetSection(KitOptions.Section).Get<KitOptions>() ?? new KitOptions();
        }
        catch (InvalidOperationException exception)
        {
            // The binder's message names the key ("Failed to convert configuration value at 'Kit:Sensors:0:Address'...").
            throw new KitConfigurationException(kitPath, [exception.Message]);
        }

        var problems = KitValidator.Validate(gateway, kit, registry);
        return problems.Count > 0 ? throw new KitConfigurationException(kitPath, problems) : (gateway, kit);
    }
}
