using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// pH from a glass electrode on an analog amplifier board (PH-4502C / DFRobot type) read by an ADS1115. The board
/// outputs bias + gain × E; the electrode potential E (mV) is the raw value. The sensor's latest stored calibration
/// turns E into pH with the slope scaled to the water temperature (Nernst compensation, domain reference §3.4);
/// without one an ideal electrode is assumed and readings are flagged <see cref="ReadingQuality.Uncalibrated"/>;
/// with one older than <see cref="PhCalibrationLimits.DueAfter"/> they are flagged
/// <see cref="ReadingQuality.CalibrationDue"/>. Every reading names its calibration and carries its millivolts.
/// </summary>
public sealed class PhSensor : ISensor
{
    private readonly string _sensorId;
    private readonly Ads1115Input _input;
    private readonly PhBoard _board;
    private readonly CompensationTemperature _temperature;
    private readonly CalibrationStore _calibrations;
    private readonly TimeSpan _dueAfter;
    private readonly TimeProvider _time;

    public PhSensor(
        string sensorId,
        Ads1115Input input,
        PhBoard board,
        CompensationTemperature temperature,
        CalibrationStore calibrations,
        TimeSpan dueAfter,
        TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sensorId);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(temperature);
        ArgumentNullException.ThrowIfNull(calibrations);
        ArgumentNullException.ThrowIfNull(time);
        _sensorId = sensorId;
        _input = input;
        _board = board;
        _temperature = temperature;
        _calibrations = calibrations;
        _dueAfter = dueAfter;
        _time = time;
    }

    /// <summary>The electrode potential and water temperature now: what a calibration point records.</summary>
    /// <exception cref="IOException">The ADC did not answer.</exception>
    /// <exception cref="TimeoutException">The ADC did not finish its conversion.</exception>
    public async ValueTask<PhCalibrationPoint> MeasureBufferAsync(double bufferPh, CancellationToken cancellationToken)
    {
        var millivolts = _board.ElectrodeMillivolts(_input.ReadVolts());
        var (celsius, _) = await _temperature.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new PhCalibrationPoint(bufferPh, Math.Round(millivolts, 2), Math.Round(celsius, 2));
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
        var millivolts = _board.ElectrodeMillivolts(volts);
        var calibration = _calibrations.Latest<PhCalibration>(_sensorId);
        var quality = ReadingQuality.Good;
        double ph;
        if (calibration is null)
        {
            ph = PhSegment.Ideal.Ph(millivolts, celsius);
            quality |= ReadingQuality.Uncalibrated;
        }
        else
        {
            ph = calibration.Ph(millivolts, celsius);
            if (calibration.IsDue(_time.GetUtcNow(), _dueAfter))
            {
                quality |= ReadingQuality.CalibrationDue;
            }
        }

        if (ph is < 0 or > 14 || double.IsNaN(ph))
        {
            quality |= ReadingQuality.OutOfRange; // A dry, cracked or unplugged electrode, or a saturated amplifier.
        }

        var measurements = new List<Measurement>(2)
        {
            new("ph", "pH", Math.Round(ph, 2), quality)
            {
                RawValue = Math.Round(millivolts, 2),
                RawUnit = "mV",
                CalibrationId = calibration?.Id,
            },
        };
        if (measured)
        {
            measurements.Add(new Measurement("temperature", "Cel", Math.Round(celsius, 2)));
        }

        return SensorSample.Success(measurements);
    }

    public void Dispose() => _input.Dispose();
}
