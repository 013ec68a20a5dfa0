using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Plugins.Calibration;
using SmartVillage.Plugins.Quality;

namespace SmartVillage.Gateway.Calibration;

/// <summary>The kit's sensors whose type keeps a calibration (<see cref="ICalibratedSensorType"/>), in kit order.</summary>
public sealed class CalibratableSensors
{
    private readonly Dictionary<string, CalibratableSensor> _byId;
    private readonly Dictionary<string, string> _kitTypes;

    /// <param name="sensors">The calibratable sensors.</param>
    /// <param name="kitTypes">Every sensor of the kit (id → type), to tell "not calibratable" from "not in the kit".</param>
    public CalibratableSensors(IEnumerable<CalibratableSensor> sensors, IReadOnlyDictionary<string, string>? kitTypes = null)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        All = [.. sensors];
        _byId = All.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _kitTypes = new Dictionary<string, string>(kitTypes ?? All.ToDictionary(s => s.Id, s => s.Definition.Type), StringComparer.Ordinal);
    }

    public IReadOnlyList<CalibratableSensor> All { get; }

    /// <summary>The calibratable sensors of <paramref name="kit"/>, with the stores their sensors use.</summary>
    /// <exception cref="CalibrationStoreException">A calibration file exists but is damaged.</exception>
    public static CalibratableSensors From(KitOptions kit, SensorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(registry);
        var sensors = new List<CalibratableSensor>();
        foreach (var definition in kit.Sensors)
        {
            var factory = registry.Find(definition.Type);
            if ((factory is QualityCheckedFactory checkedFactory ? checkedFactory.Inner : factory) is ICalibratedSensorType type)
            {
                sensors.Add(new CalibratableSensor(
                    definition, type.CalibrationKind, type.RawQuantity, type.StoreFor(definition), type.DueAfter(definition), type.FallbackCelsius(definition)));
            }
        }

        return new CalibratableSensors(sensors, kit.Sensors.ToDictionary(s => s.Id, s => s.Type, StringComparer.Ordinal));
    }

    public CalibratableSensor? Find(string sensorId) => _byId.GetValueOrDefault(sensorId);

    /// <summary>The type of any sensor in the kit, calibratable or not; null when the kit has no such sensor.</summary>
    public string? KitType(string sensorId) => _kitTypes.GetValueOrDefault(sensorId);
}
