using System.Text.Json.Serialization;
using SmartVillage.Plugins.Calibration;
using SmartVillage.Plugins.Weather;

namespace SmartVillage.Plugins.Persistence;

/// <summary>
/// Compile-time JSON metadata for the small files the drivers keep (calibration records, rain totals). Generated, not
/// reflected, so the drivers run unchanged in the gateway's Native AOT build.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(PhCalibration))]
[JsonSerializable(typeof(EcCalibration))]
[JsonSerializable(typeof(RainTotals.State))]
internal sealed partial class PluginsJson : JsonSerializerContext;
