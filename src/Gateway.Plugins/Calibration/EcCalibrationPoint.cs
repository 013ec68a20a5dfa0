using System.Text.Json.Serialization;

namespace SmartVillage.Plugins.Calibration;

/// <summary>One standard solution measured during an EC calibration: what the bottle says and what the board gave.</summary>
/// <param name="StandardMicrosiemens">The standard's conductivity at 25 °C, µS/cm (1413 µS/cm, 12.88 mS/cm = 12880).</param>
/// <param name="Volts">Stable board output in that standard, V (raw, before any calibration).</param>
/// <param name="TemperatureCelsius">Standard temperature when the point was taken.</param>
public sealed record EcCalibrationPoint(double StandardMicrosiemens, double Volts, double TemperatureCelsius)
{
    /// <summary>When the point was taken.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>The cell constant this point alone gives: the standard over the board's curve at 25 °C.</summary>
    [JsonIgnore]
    public double CellConstant => StandardMicrosiemens / EcBoardCurve.Microsiemens(EcBoardCurve.CompensatedVolts(Volts, TemperatureCelsius));
}
