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
        var gateway = Bind(configuration.GetSection(GatewayOptions.Section), problems, s => s.Get<GatewayOptions>()) ?? new GatewayOptions();
        var kitSection = configuration.GetSection(KitOptions.Section);
        HexNumbers.NormaliseUnder(kitSection);
        var kit = Bind(kitSection, problems, s => s.Get<KitOptions>()) ?? new KitOptions();

        // The binder silently drops a list element it cannot convert (a sensor with Address "0xZZ" would simply
        // vanish from the kit). Lists are therefore bound element by element, so the bad key is reported instead.
        kit.Sensors = BindList(kitSection.GetSection(nameof(KitOptions.Sensors)), problems, s => s.Get<SensorDefinition>());
        kit.Upstreams = BindList(kitSection.GetSection(nameof(KitOptions.Upstreams)), problems, s => s.Get<MqttUpstreamOptions>());
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
        var sensors = configuration.GetSection($"{KitOptions.Section}:{nameof(KitOptions.Sensors)}");
        HexNumbers.NormaliseUnder(sensors);
        return BindList(sensors, problems, s => s.Get<SensorDefinition>());
    }

    // Each caller passes its own `Get<ConcreteType>()` so the configuration binder's source generator can see the type
    // (it cannot generate code for a Get<T> inside a generic method): no reflection, so the AOT build binds the same.
    private static List<T> BindList<T>(IConfigurationSection section, List<string> problems, Func<IConfigurationSection, T?> get)
        where T : class, new() =>
        section.GetChildren()
            .OrderBy(child => int.TryParse(child.Key, out var index) ? index : int.MaxValue)
            .Select(child => Bind(child, problems, get) ?? new T())
            .ToList();

    private static T? Bind<T>(IConfigurationSection section, List<string> problems, Func<IConfigurationSection, T?> get)
        where T : class
    {
        try
        {
            return get(section);
        }
        catch (InvalidOperationException exception)
        {
            // The binder's message names the key ("Failed to convert configuration value at 'Kit:Sensors:0:Address'...").
            problems.Add(exception.Message);
            return null;
        }
    }
}
