using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;

namespace SmartVillage.Plugins.Water;

/// <summary>
/// Turbidity from an analog optical probe (DFRobot SEN0189 type) on an ADS1115 input behind a resistor divider.
/// NTU = c0 + c1·V + c2·V² over the board voltage V, with the manufacturer's curve as default
/// (−4352.9 + 5742.3·V − 1120.4·V², valid 2.5-4.2 V at 5 V supply); a site can enter its own fitted coefficients.
/// </summary>
/// <remarks>
/// Unit: NTU is not a SenML unit (neither RFC 8428 nor RFC 8798 registers one), and mapping it to a registered unit
/// would be wrong. Following the domain reference (§1.1), the quantity is named <c>turbidity-ntu</c> and the unit is
/// left empty: the name carries the unit, and an encoder omits <c>u</c> for an empty unit.
/// </remarks>
public sealed class TurbiditySensor : ISensor
{
    public static IReadOnlyList<double> DefaultCoefficients { get; } = [-4352.9, 5742.3, -1120.4];

    private readonly Ads1115Input _input;
    private readonly IReadOnlyList<double> _coefficients;
    private readonly double _dividerRatio;
    private readonly double _minVolts;
    private readonly double _maxVolts;

    /// <param name="dividerRatio">Board volts per ADC volt (1.5 for 10 kΩ over 20 kΩ).</param>
    /// <param name="minVolts">Lowest board voltage the curve is valid for; below it the water is beyond the probe's range.</param>
    /// <param name="maxVolts">Clear-water voltage; above it the curve would go negative, so the value is 0 NTU.</param>
    public TurbiditySensor(Ads1115Input input, IReadOnlyList<double> coefficients, double dividerRatio, double minVolts = 2.5, double maxVolts = 4.2)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(coefficients);
        _input = input;
        _coefficients = coefficients;
        _dividerRatio = dividerRatio;
        _minVolts = minVolts;
        _maxVolts = maxVolts;
    }

    public ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        double adcVolts;
        try
        {
            adcVolts = _input.ReadVolts();
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
            return ValueTask.FromResult(SensorSample.Failure($"ADS1115 input {_input.Channel}: {e.Message}"));
        }

        var volts = adcVolts * _dividerRatio;
        var quality = volts < _minVolts ? ReadingQuality.OutOfRange : ReadingQuality.Good;
        var clamped = Math.Min(volts, _maxVolts);
        var ntu = 0.0;
        for (var i = _coefficients.Count - 1; i >= 0; i--)
        {
            ntu = (ntu * clamped) + _coefficients[i]; // Horner: c0 + V(c1 + V(c2 + ...)).
        }

        var measurement = new Measurement("turbidity-ntu", "", Math.Round(Math.Max(0, ntu), 1), quality)
        {
            RawValue = Math.Round(volts, 4),
            RawUnit = "V",
        };
        return ValueTask.FromResult(SensorSample.Success(measurement));
    }

    public void Dispose() => _input.Dispose();
}
