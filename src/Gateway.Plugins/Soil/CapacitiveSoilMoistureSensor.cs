using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;

namespace SmartVillage.Plugins.Soil;

/// <summary>
/// Volumetric water content from a capacitive soil moisture board (v1.2 type) on an ADS1115 input. The output
/// voltage falls as the soil gets wetter; two points, the probe in dry air (0) and in water (1 m³/m³), give a
/// linear scale (DFRobot SEN0193 wiki; domain reference §3.6). Without both points the board's typical 3.3 V
/// values are used and every reading is flagged <see cref="ReadingQuality.Uncalibrated"/>.
/// </summary>
/// <remarks>
/// The air/water scale is a relative water content; it tracks VWC only roughly. For agronomic thresholds fit it
/// against gravimetric samples of the local soil and enter the fitted air/water equivalents.
/// </remarks>
public sealed class CapacitiveSoilMoistureSensor : ISensor
{
    public const double TypicalAirVolts = 2.45;
    public const double TypicalWaterVolts = 1.10;

    // Beyond these the voltage is not soil: a probe lifted into air reads ~0, a shorted or drowned board >1.
    private const double Tolerance = 0.05;

    private readonly Ads1115Input _input;
    private readonly double _airVolts;
    private readonly double _waterVolts;
    private readonly bool _calibrated;

    public CapacitiveSoilMoistureSensor(Ads1115Input input, double? airVolts, double? waterVolts)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _calibrated = airVolts is not null && waterVolts is not null;
        _airVolts = airVolts ?? TypicalAirVolts;
        _waterVolts = waterVolts ?? TypicalWaterVolts;
        if (_airVolts <= _waterVolts)
        {
            throw new ArgumentException("The reading in air must be above the reading in water for a capacitive probe.", nameof(airVolts));
        }
    }

    public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        double volts;
        try
        {
            volts = _input.ReadVolts();
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
            return ValueTask.FromResult(SensorSample.Failure($"ADS1115 input {_input.Channel}: {e.Message}"));
        }

        var vwc = (_airVolts - volts) / (_airVolts - _waterVolts);
        var quality = _calibrated ? ReadingQuality.Good : ReadingQuality.Uncalibrated;
        if (vwc < -Tolerance || vwc > 1 + Tolerance)
        {
            quality |= ReadingQuality.OutOfRange;
        }

        var measurement = new Measurement("soil-vwc", "/", Math.Round(Math.Clamp(vwc, 0, 1), 3), quality)
        {
            RawValue = Math.Round(volts, 4),
            RawUnit = "V",
        };
        return ValueTask.FromResult(SensorSample.Success(measurement));
    }

    public void Dispose() => _input.Dispose();
}
