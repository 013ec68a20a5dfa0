using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;

namespace SmartVillage.Samples.LeafWetness;

/// <summary>
/// Leaf wetness, % of the grid bridged by water, from a resistive leaf-wetness grid (interleaved copper traces on a
/// leaf-shaped board, with the usual LM393 module, powered at 3.3 V). The module's analog output AO sits near the supply
/// while the grid is dry and falls as rain or dew bridges the traces; two points, the grid dry and soaked, give a
/// linear scale. Without both points the typical values below are used and readings are flagged
/// <see cref="ReadingQuality.Uncalibrated"/>.
/// </summary>
public sealed class LeafWetnessSensor : ISensor
{
    /// <summary>AO with the grid dry, at 3.3 V supply, V.</summary>
    public const double TypicalDryVolts = 3.20;

    /// <summary>AO with the grid soaked (sprayed until it drips), at 3.3 V supply, V.</summary>
    public const double TypicalWetVolts = 1.00;

    /// <summary>Closer points than this cannot tell dry from wet apart through ADC noise and drift.</summary>
    public const double MinimumSpanVolts = 0.5;

    // Below this AO is not a grid reading: the module has no power, or AO is shorted to ground.
    private const double NoSignalVolts = 0.05;

    // Beyond the calibrated points by more than this, the calibration or the supply no longer matches the board.
    private const double ToleranceVolts = 0.15;

    private readonly Ads1115Input _input;
    private readonly int _address;
    private readonly double _dryVolts;
    private readonly double _wetVolts;
    private readonly bool _calibrated;

    /// <param name="input">The ADS1115 input AO is wired to; the sensor owns and disposes it.</param>
    /// <param name="address">The ADS1115's I2C address, for messages.</param>
    public LeafWetnessSensor(Ads1115Input input, int address, double? dryVolts, double? wetVolts)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _address = address;
        _calibrated = dryVolts is not null && wetVolts is not null;
        _dryVolts = dryVolts ?? TypicalDryVolts;
        _wetVolts = wetVolts ?? TypicalWetVolts;
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
            // Expected on a loose wire or a missing chip: a failed read (health, retry), never a stale value.
            return ValueTask.FromResult(SensorSample.Failure($"ADS1115 0x{_address:X2} input {_input.Channel}: {e.Message}"));
        }

        if (volts < NoSignalVolts)
        {
            return ValueTask.FromResult(SensorSample.Failure(
                $"AO reads {volts:0.000} V on ADS1115 0x{_address:X2} input {_input.Channel}: the module has no power or AO is shorted; check VCC, GND and the AO wire"));
        }

        var quality = _calibrated ? ReadingQuality.Good : ReadingQuality.Uncalibrated;
        if (volts > _dryVolts + ToleranceVolts || volts < _wetVolts - ToleranceVolts)
        {
            quality |= ReadingQuality.OutOfRange;
        }

        var wetFraction = Math.Clamp((_dryVolts - volts) / (_dryVolts - _wetVolts), 0, 1);
        var wetness = new Measurement("leaf-wetness", "%", Math.Round(wetFraction * 100, 1), quality)
        {
            RawValue = Math.Round(volts, 4),
            RawUnit = "V",
        };
        return ValueTask.FromResult(SensorSample.Success(wetness));
    }

    public void Dispose() => _input.Dispose();
}
