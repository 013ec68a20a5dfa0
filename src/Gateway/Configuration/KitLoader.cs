using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Upstream.Mqtt;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Configuration;

/// <summary>Binds and validates the gateway and kit sections, refusing to go on with anything wrong.</summary>
public static class KitLoader
{
    /// <exception cref="KitConfigurationException">A value cannot be bound or the kit is invalid.</exception>
    public static (GatewayOptions Gateway, KitOptions Kit) Load(IConfiguration configuration, string kitPath, SensorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var gateway = Bind<GatewayOptions>(configuration.GetSection(GatewayOptions.Section), problems) ?? new GatewayOptions();
        var kitSection = configuration.GetSection(KitOptions.Section);
        var kit = Bind<KitOptions>(kitSection, problems) ?? new KitOptions();

        // The binder silently drops a list element it cannot convert (a sensor with Address "0xZZ" would simply
        // vanish from the kit). Lists are therefore bound element by element, so the bad key is reported instead.
        kit.Sensors = BindList<SensorDefinition>(kitSection.GetSection(nameof(KitOptions.Sensors)), problems);
        kit.Upstreams = BindList<MqttUpstreamOptions>(kitSection.GetSection(nameof(KitOptions.Upstreams)), problems);
        if (problems.Count == 0)
        {
            problems.AddRange(KitValidator.Validate(gateway, kit, registry));
        }

        return problems.Count > 0 ? throw new KitConfigurationException(kitPath, problems) : (gateway, kit);
    }

    /// <summary>The kit's sensors as configuration holds them now (the settings overlay included).</summary>
    public static List<SensorDefinition> BindSensors(IConfiguration configuration, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return BindList<SensorDefinition>(configuration.GetSection($"{KitOptions.Section}:{nameof(KitOptions.Sensors)}"), problems);
    }

    private static List<T> BindList<T>(IConfigurationSection section, List<string> problems)
        where T : class, new() =>
        section.GetChildren()
            .OrderBy(child => int.TryParse(child.Key, out var index) ? index : int.MaxValue)
            .Select(child => Bind<T>(child, problems) ?? new T())
            .ToList();

    private static T? Bind<T>(IConfigurationSection section, List<string> problems)
        where T : class
    {
        try
        {
            return section.Get<T>();
        }
        catch (InvalidOperationException exception)
        {
            // The binder's message names the key ("Failed to convert configuration value at 'Kit:Sensors:0:Address'...").
            problems.Add(exception.Message);
            return null;
        }
    }
}
