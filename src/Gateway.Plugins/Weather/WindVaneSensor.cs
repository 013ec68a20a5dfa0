using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Adc;

namespace SmartVillage.Plugins.Weather;

/// <summary>
/// Wind direction from a resistor-network vane (SparkFun/Argent 80422: 16 resistances, one per 22.5°) read as a
/// divider under a pull-up on an ADS1115 input. The voltage is matched to the nearest of the 16 expected voltages
/// for the configured supply and pull-up. A voltage near the supply (cable cut) or near 0 V (short) is a failure.
/// </summary>
public sealed class WindVaneSensor : ISensor
{
    /// <summary>Vane resistance per direction from the datasheet table, index = direction / 22.5° clockwise from north, Ω.</summary>
    public static IReadOnlyList<double> DatasheetOhms { get; } =
    [
        33_000, 6_570, 8_200, 891, 1_000, 688, 2_200, 1_410,
        3_900, 3_140, 16_000, 14_120, 120_000, 42_120, 64_900, 21_880,
    ];

    private readonly Ads1115Input _input;
    private readonly double[] _volts;
    private readonly double _supplyVolts;
    private readonly double _offsetDegrees;

    /// <param name="offsetDegrees">Added to the vane's direction when its north mark does not point north.</param>
    public WindVaneSensor(Ads1115Input input, double supplyVolts = 3.3, double pullUpOhms = 10_000, double offsetDegrees = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _supplyVolts = supplyVolts;
        _offsetDegrees = offsetDegrees;
        _volts = [.. DatasheetOhms.Select(r => supplyVolts * r / (r + pullUpOhms))];
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

        var highest = _volts.Max();
        if (volts > highest + ((_supplyVolts - highest) / 2) || volts < _volts.Min() / 2)
        {
            return ValueTask.FromResult(SensorSample.Failure(
                $"wind vane reads {volts:F3} V, outside every direction's voltage: cable cut or shorted"));
        }

        var sector = Array.IndexOf(_volts, _volts.MinBy(v => Math.Abs(v - volts)));
        var degrees = ((sector * 22.5) + _offsetDegrees + 360) % 360;
        return ValueTask.FromResult(SensorSample.Success(
            new Measurement("wind-direction", "deg", degrees) { RawValue = Math.Round(volts, 4), RawUnit = "V" }));
    }

    public void Dispose() => _input.Dispose();
}
