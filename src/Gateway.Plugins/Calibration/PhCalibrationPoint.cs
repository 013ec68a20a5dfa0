namespace SmartVillage.Plugins.Calibration;

/// <summary>One buffer measured during a calibration: what the bottle says and what the electrode gave.</summary>
/// <param name="BufferPh">The buffer's pH (as printed for 25 °C).</param>
/// <param name="Millivolts">Stable electrode potential in that buffer, mV (raw, before any calibration).</param>
/// <param name="TemperatureCelsius">Buffer temperature when the point was taken.</param>
public sealed record PhCalibrationPoint(double BufferPh, double Millivolts, double TemperatureCelsius)
{
    /// <summary>When the point was taken; null in records made before times were kept.</summary>
    public DateTimeOffset? At { get; init; }
}
