using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Calibration;

/// <summary>A sensor of the kit whose type keeps a calibration: what a session needs to know about it.</summary>
/// <param name="Definition">The sensor as the kit file describes it.</param>
/// <param name="Kind">pH or EC.</param>
/// <param name="RawQuantity">The reading whose raw value a point records (<c>ph</c>, <c>conductivity</c>).</param>
/// <param name="Store">The very store the sensor reads its calibration from.</param>
/// <param name="DueAfter">Age at which its calibration is due.</param>
/// <param name="FallbackCelsius">Compensation temperature when its readings carry none.</param>
public sealed record CalibratableSensor(
    SensorDefinition Definition, CalibrationKind Kind, string RawQuantity, CalibrationStore Store, TimeSpan DueAfter, double FallbackCelsius)
{
    public string Id => Definition.Id;

    /// <summary>Unit of the raw value a point records.</summary>
    public string RawUnit => Kind == CalibrationKind.Ph ? "mV" : "V";
}
