using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Devices.Bme280;

/// <summary>
/// Raw ADC codes of one conversion, made by inverting <see cref="Bme280Compensation"/> for given conditions.
/// </summary>
/// <param name="Temperature">20-bit adc_T, or 0x80000 when skipped.</param>
/// <param name="Pressure">20-bit adc_P, or 0x80000 when skipped.</param>
/// <param name="Humidity">16-bit adc_H, or 0x8000 when skipped.</param>
public readonly record struct Bme280Adc(int Temperature, int Pressure, int Humidity)
{
    private const int Max20Bit = 0xFFFFF;
    private const int Max16Bit = 0xFFFF;

    /// <summary>Values a freshly reset chip holds (§5.4.7-9).</summary>
    public static Bme280Adc ResetValues { get; } =
        new(Bme280Registers.Skipped20Bit, Bme280Registers.Skipped20Bit, Bme280Registers.Skipped16Bit);

    /// <summary>
    /// The codes a chip with <paramref name="calibration"/> outputs for <paramref name="conditions"/>.
    /// Oversampling settings are the 3-bit osrs fields (0 = skipped); with the IIR filter off, T and P carry
    /// 16 + (osrs - 1) significant bits (§3.4.2-3.4.3), so lower settings are quantised like the real part.
    /// </summary>
    public static Bme280Adc For(
        EnvironmentConditions conditions, Bme280Calibration calibration, int osrsTemperature, int osrsPressure, int osrsHumidity)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(calibration);

        // The chip always measures temperature internally for t_fine; skipping only hides the result.
        var adcT = Quantise(
            MonotonicInverse.Nearest(
                code => Bme280Compensation.Temperature(calibration, code, out _), conditions.AirTemperatureCelsius, 0, Max20Bit),
            osrsTemperature);
        Bme280Compensation.Temperature(calibration, adcT, out var temperatureFine);

        var adcP = Quantise(
            MonotonicInverse.Nearest(
                code => Bme280Compensation.Pressure(calibration, code, temperatureFine), conditions.PressurePascals, 0, Max20Bit),
            osrsPressure);
        var adcH = MonotonicInverse.Nearest(
            code => Bme280Compensation.Humidity(calibration, code, temperatureFine), conditions.RelativeHumidityPercent, 0, Max16Bit);

        return new Bme280Adc(
            osrsTemperature == 0 ? Bme280Registers.Skipped20Bit : adcT,
            osrsPressure == 0 ? Bme280Registers.Skipped20Bit : adcP,
            osrsHumidity == 0 ? Bme280Registers.Skipped16Bit : adcH);
    }

    private static int Quantise(int code, int osrs)
    {
        var significantBits = 16 + Math.Clamp(osrs, 1, 5) - 1;
        var step = 1 << (20 - significantBits);
        var rounded = (int)Math.Round((double)code / step) * step;
        return Math.Min(rounded, Max20Bit & ~(step - 1));
    }
}
