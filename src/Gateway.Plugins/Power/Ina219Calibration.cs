using Iot.Device.Adc;

namespace SmartVillage.Plugins.Power;

/// <summary>
/// The INA219's current scale, computed as the datasheet programs it (SBOS448G §8.5.1): Current_LSB is the largest
/// expected current over 2¹⁵, rounded up to a 1-2-5 step; Cal = trunc(0.04096 / (Current_LSB × R_shunt));
/// Power_LSB = 20 × Current_LSB. Worked for the breakout boards' 0.1 Ω shunt and 2 A: minimum LSB 61 µA, chosen
/// 100 µA, Cal = 4096 (0x1000), Power_LSB = 2 mW. A correction measured against an ammeter scales Cal (§8.5.2.1,
/// Equation 6: Corrected_Full_Scale_Cal = trunc(Cal × MeasShuntCurrent / INA219_Current)).
/// </summary>
public sealed record Ina219Calibration
{
    /// <summary>Datasheet constant of the current register: an internal 0.04096 scaling, A·Ω.</summary>
    public const double ScaleAmpereOhms = 0.04096;

    private static readonly (Ina219PgaSensitivity Setting, double Volts)[] s_shuntRanges =
    [
        (Ina219PgaSensitivity.PlusOrMinus40mv, 0.040),
        (Ina219PgaSensitivity.PlusOrMinus80mv, 0.080),
        (Ina219PgaSensitivity.PlusOrMinus160mv, 0.160),
        (Ina219PgaSensitivity.PlusOrMinus320mv, 0.320),
    ];

    private Ina219Calibration(double shuntOhms, double currentLsbAmps, ushort register, Ina219PgaSensitivity pga, double shuntRangeVolts)
    {
        ShuntOhms = shuntOhms;
        CurrentLsbAmps = currentLsbAmps;
        Register = register;
        Pga = pga;
        ShuntRangeVolts = shuntRangeVolts;
    }

    public double ShuntOhms { get; }

    /// <summary>Amperes per count of the current register.</summary>
    public double CurrentLsbAmps { get; }

    /// <summary>Watts per count of the power register (20 × <see cref="CurrentLsbAmps"/>).</summary>
    public double PowerLsbWatts => 20 * CurrentLsbAmps;

    /// <summary>The calibration register value (bit 0 is void in the chip and always 0).</summary>
    public ushort Register { get; }

    /// <summary>The smallest shunt range that holds the largest expected current.</summary>
    public Ina219PgaSensitivity Pga { get; }

    public double ShuntRangeVolts { get; }

    /// <param name="shuntOhms">The shunt resistor (0.1 Ω on the common breakout boards).</param>
    /// <param name="maxExpectedAmps">The largest current expected through the shunt, either direction.</param>
    /// <param name="correction">Ammeter reading / INA219 reading at one steady current; 1 without a check.</param>
    /// <exception cref="ArgumentOutOfRangeException">See <see cref="Problem"/>.</exception>
    public static Ina219Calibration For(double shuntOhms, double maxExpectedAmps, double correction = 1)
    {
        var (calibration, problem) = Compute(shuntOhms, maxExpectedAmps, correction);
        return calibration ?? throw new ArgumentOutOfRangeException(nameof(maxExpectedAmps), problem);
    }

    /// <summary>
    /// Why no calibration exists for these values (the current needs more than the ±320 mV shunt range, or the
    /// result does not fit the 16-bit register), or null when one does.
    /// </summary>
    public static string? Problem(double shuntOhms, double maxExpectedAmps, double correction = 1) =>
        Compute(shuntOhms, maxExpectedAmps, correction).Problem;

    private static (Ina219Calibration? Calibration, string? Problem) Compute(double shuntOhms, double maxExpectedAmps, double correction)
    {
        if (!(shuntOhms > 0 && maxExpectedAmps > 0 && correction > 0))
        {
            return (null, "shunt resistance, largest current and correction must all be positive");
        }

        var shuntVolts = maxExpectedAmps * shuntOhms;
        var range = s_shuntRanges.FirstOrDefault(r => r.Volts >= shuntVolts * (1 - 1e-9)); // 0.8 A × 0.1 Ω is 80 mV, not 80.000…02.
        if (range.Volts == 0)
        {
            return (null, $"{maxExpectedAmps} A through {shuntOhms} Ω is {shuntVolts * 1000:0} mV, beyond the INA219's ±320 mV shunt range; use a smaller shunt");
        }

        var lsb = RoundUpToStep(maxExpectedAmps / 32768);
        // trunc() of the exact quotient: a hair of slack keeps 4096 from becoming 4095.9999… → 4095 in floating point.
        var calibration = Math.Truncate(ScaleAmpereOhms / (lsb * shuntOhms) * correction * (1 + 1e-12));
        if (calibration is < 2 or > 0xFFFE)
        {
            return (null, $"calibration register {calibration} does not fit the INA219's 16 bits; check ShuntOhms and MaxExpectedAmps");
        }

        // Bit 0 (FS0) of the calibration register is void and reads 0 (§8.6.4.1): the chip uses Cal & ~1.
        return (new Ina219Calibration(shuntOhms, lsb, (ushort)((int)calibration & 0xFFFE), range.Setting, range.Volts), null);
    }

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above <paramref name="value"/>.</summary>
    private static double RoundUpToStep(double value)
    {
        var decade = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in (ReadOnlySpan<double>)[1, 2, 5, 10])
        {
            if (step * decade >= value * (1 - 1e-12))
            {
                return step * decade;
            }
        }

        return 10 * decade;
    }
}
