using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition;

/// <summary>The sensor types this gateway knows, by kit-file type name.</summary>
public sealed class SensorRegistry
{
    private readonly Dictionary<string, ISensorFactory> _factories = new(StringComparer.OrdinalIgnoreCase);

    public SensorRegistry(IEnumerable<ISensorFactory> factories)
    {
        ArgumentNullException.ThrowIfNull(factories);
        foreach (var factory in factories)
        {
            if (!_factories.TryAdd(factory.Type, factory))
            {
                throw new InvalidOperationException(
                    $"Two sensor factories claim type '{factory.Type}': {_factories[factory.Type].GetType().FullName} and {factory.GetType().FullName}.");
            }
        }
    }

    public IEnumerable<string> Types => _factories.Keys.Order(StringComparer.Ordinal);

    public ISensorFactory? Find(string type) => _factories.GetValueOrDefault(type);
}
