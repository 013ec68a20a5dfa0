namespace SmartVillage.Hardware.Simulation.Devices.Bme280;

/// <summary>
/// The datasheet's compensation formulas in double precision (BME280 datasheet §4.2.3 and appendix 8.1):
/// raw ADC codes to °C, Pa and %RH. The simulation runs them backwards to make raw codes; tests run them
/// forwards on the datasheet's worked example.
/// </summary>
/// <remarks>
/// t_fine is kept as a double, as the dotnet/iot driver keeps it; the datasheet truncates it to an integer,
/// which moves pressure by well under 0.1 Pa.
/// </remarks>
public static class Bme280Compensation
{
    /// <returns>Temperature in °C; <paramref name="temperatureFine"/> carries the fine temperature to the others.</returns>
    public static double Temperature(Bme280Calibration calibration, int adcTemperature, out double temperatureFine)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var var1 = ((adcTemperature / 16384.0) - (calibration.DigT1 / 1024.0)) * calibration.DigT2;
        var offset = (adcTemperature / 131072.0) - (calibration.DigT1 / 8192.0);
        var var2 = offset * offset * calibration.DigT3;
        temperatureFine = var1 + var2;
        return temperatureFine / 5120.0;
    }

    /// <returns>Pressure in Pa.</returns>
    public static double Pressure(Bme280Calibration calibration, int adcPressure, double temperatureFine)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var var1 = (temperatureFine / 2.0) - 64000.0;
        var var2 = var1 * var1 * calibration.DigP6 / 32768.0;
        var2 += var1 * calibration.DigP5 * 2.0;
        var2 = (var2 / 4.0) + (calibration.DigP4 * 65536.0);
        var1 = ((calibration.DigP3 * var1 * var1 / 524288.0) + (calibration.DigP2 * var1)) / 524288.0;
        var1 = (1.0 + (var1 / 32768.0)) * calibration.DigP1;
        if (var1 == 0.0)
        {
            return 0; // The datasheet's guard against division by zero (dig_P1 = 0: an unprogrammed part).
        }

        var p = 1048576.0 - adcPressure;
        p = (p - (var2 / 4096.0)) * 6250.0 / var1;
        var1 = calibration.DigP9 * p * p / 2147483648.0;
        var2 = p * calibration.DigP8 / 32768.0;
        return p + ((var1 + var2 + calibration.DigP7) / 16.0);
    }

    /// <returns>Relative humidity in %, clamped to 0-100 as the datasheet does.</returns>
    public static double Humidity(Bme280Calibration calibration, int adcHumidity, double temperatureFine)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var h = temperatureFine - 76800.0;
        h = (adcHumidity - ((calibration.DigH4 * 64.0) + (calibration.DigH5 / 16384.0 * h)))
            * (calibration.DigH2 / 65536.0
               * (1.0 + (calibration.DigH6 / 67108864.0 * h * (1.0 + (calibration.DigH3 / 67108864.0 * h)))));
        h *= 1.0 - (calibration.DigH1 * h / 524288.0);
        return Math.Clamp(h, 0, 100);
    }
}
