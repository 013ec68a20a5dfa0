using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// Electrical conductivity and TDS from a DFRobot-style analog TDS/EC board on an ADS1115 input. The voltage is
/// first compensated to 25 °C, Vc = V / (1 + 0.02 (T − 25)), then the board's curve gives
/// EC25 = k × (133.42 Vc³ − 255.86 Vc² + 857.39 Vc) µS/cm, and TDS = factor × EC25 (domain reference §3.5).
/// k is the cell constant found with a 1413 µS/cm standard; the TDS factor is per site (0.5 DFRobot, 0.64 natural water).
/// </summary>
/// <remarks>
/// Units: conductivity in <c>S/m</c> (SenML, RFC 8428; 1413 µS/cm = 0.1413 S/m); TDS in <c>ppm</c> (RFC 8798 secondary
/// unit; for water 1 ppm ≈ 1 mg/L). Above 2.3 V the board leaves its 0-1000 ppm range and readings are flagged.
/// </remarks>
public sealed class EcSensor : ISensor
{
    public const double DefaultTdsFactor = 0.5;
    private const double TemperatureCoefficient = 0.02;
    private const double CurveLimitVolts = 2.3;

    private readonly Ads1115Input _input;
    private readonly CompensationTemperature _temperature;
    private readonly double _cellConstant;
    private readonly double _tdsFactor;

    public EcSensor(Ads1115Input input, CompensationTemperature temperature, double cellConstant = 1, double tdsFactor = DefaultTdsFactor)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(temperature);
        _input = input;
        _temperature = temperature;
        _cellConstant = cellConstant;
        _tdsFactor = tdsFactor;
    }

    /// <summary>The board's curve: conductivity at 25 °C (µS/cm) for a compensated voltage, before the cell constant.</summary>
    public static double CurveMicrosiemens(double compensatedVolts) =>
        (133.42 * Math.Pow(compensatedVolts, 3)) - (255.86 * compensatedVolts * compensatedVolts) + (857.39 * compensatedVolts);

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
        var compensated = volts / (1 + (TemperatureCoefficient * (celsius - 25)));
        var microsiemensAt25 = Math.Max(0, _cellConstant * CurveMicrosiemens(compensated));
        var quality = volts > CurveLimitVolts || volts < 0 ? ReadingQuality.OutOfRange : ReadingQuality.Good;
        var measurements = new List<Measurement>(3)
        {
            new("conductivity", "S/m", Math.Round(microsiemensAt25 * 1e-4, 5), quality) { RawValue = Math.Round(volts, 4), RawUnit = "V" },
            new("tds", "ppm", Math.Round(_tdsFactor * microsiemensAt25, 1), quality),
        };
        if (measured)
        {
            measurements.Add(new Measurement("temperature", "Cel", Math.Round(celsius, 2)));
        }

        return SensorSample.Success(measurements);
    }

    public void Dispose() => _input.Dispose();
}
