using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// Electrical conductivity and TDS from a DFRobot-style analog TDS/EC board on an ADS1115 input, compensated to 25 °C
/// (<see cref="EcBoardCurve"/>), and TDS = factor × EC25 (domain reference §3.5). The cell constant k comes from the
/// sensor's newest stored <see cref="EcCalibration"/> (readings then name it and carry the board volts); until the
/// probe is calibrated, from the kit's <c>CellConstant</c> setting (readings without such a setting are flagged
/// <see cref="ReadingQuality.Uncalibrated"/>). The TDS factor is per site (0.5 DFRobot, 0.64 natural water).
/// </summary>
/// <remarks>
/// Units: conductivity in <c>S/m</c> (SenML, RFC 8428; 1413 µS/cm = 0.1413 S/m); TDS in <c>ppm</c> (RFC 8798 secondary
/// unit; for water 1 ppm ≈ 1 mg/L). Above 2.3 V the board leaves its 0-1000 ppm range and readings are flagged.
/// </remarks>
public sealed class EcSensor : ISensor
{
    public const double DefaultTdsFactor = 0.5;

    private readonly Ads1115Input _input;
    private readonly CompensationTemperature _temperature;
    private readonly double _cellConstant;
    private readonly double _tdsFactor;
    private readonly CalibrationSource? _calibration;
    private readonly bool _constantConfigured;

    /// <param name="cellConstant">Used while <paramref name="calibration"/> holds no calibration of this sensor.</param>
    /// <param name="calibration">Where the sensor's calibrations are stored; null to use <paramref name="cellConstant"/> only.</param>
    /// <param name="constantConfigured">False when <paramref name="cellConstant"/> is a default, not a measured constant.</param>
    public EcSensor(
        Ads1115Input input,
        CompensationTemperature temperature,
        double cellConstant = 1,
        double tdsFactor = DefaultTdsFactor,
        CalibrationSource? calibration = null,
        bool constantConfigured = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(temperature);
        _input = input;
        _temperature = temperature;
        _cellConstant = cellConstant;
        _tdsFactor = tdsFactor;
        _calibration = calibration;
        _constantConfigured = constantConfigured;
    }

    /// <summary>The board's curve: conductivity at 25 °C (µS/cm) for a compensated voltage, before the cell constant.</summary>
    public static double CurveMicrosiemens(double compensatedVolts) => EcBoardCurve.Microsiemens(compensatedVolts);

    /// <summary>The board output and water temperature now: what a calibration point records.</summary>
    /// <exception cref="IOException">The ADC did not answer.</exception>
    /// <exception cref="TimeoutException">The ADC did not finish its conversion.</exception>
    public async ValueTask<EcCalibrationPoint> MeasureStandardAsync(double standardMicrosiemens, CancellationToken cancellationToken)
    {
        var volts = _input.ReadVolts();
        var (celsius, _) = await _temperature.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new EcCalibrationPoint(standardMicrosiemens, Math.Round(volts, 4), Math.Round(celsius, 2));
    }

    public async ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        double volts;
        try
        {
            volts = _input.ReadVolts();
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
            return SensorSample.Failure($"ADS1115 input {_input.Channel}: {e.Message}");
        }

        var (celsius, measured) = await _temperature.ReadAsync(cancellationToken).ConfigureAwait(false);
        var calibration = _calibration?.Store.Latest<EcCalibration>(_calibration.SensorId);
        var quality = volts > EcBoardCurve.MaxVolts || volts < 0 ? ReadingQuality.OutOfRange : ReadingQuality.Good;
        if (calibration is not null && calibration.IsDue(_calibration!.Time.GetUtcNow(), _calibration.DueAfter))
        {
            quality |= ReadingQuality.CalibrationDue;
        }
        else if (calibration is null && !_constantConfigured)
        {
            quality |= ReadingQuality.Uncalibrated;
        }

        var microsiemensAt25 = EcBoardCurve.MicrosiemensAt25(volts, celsius, calibration?.CellConstant ?? _cellConstant);
        var measurements = new List<Measurement>(3)
        {
            new("conductivity", "S/m", Math.Round(microsiemensAt25 * 1e-4, 5), quality)
            {
                RawValue = Math.Round(volts, 4),
                RawUnit = "V",
                CalibrationId = calibration?.Id,
            },
            new("tds", "ppm", Math.Round(_tdsFactor * microsiemensAt25, 1), quality) { CalibrationId = calibration?.Id },
        };
        if (measured)
        {
            measurements.Add(new Measurement("temperature", "Cel", Math.Round(celsius, 2)));
        }

        return SensorSample.Success(measurements);
    }

    public void Dispose() => _input.Dispose();
}
