namespace SmartVillage.Hardware.Simulation.EnvironmentModel;

/// <summary>
/// Sunlight and the kit's solar power system: a 20 W panel charging a 12 V, 12 Ah lead-acid battery that feeds a
/// 4 W station. On a clear day the panel brings in a little more than the station uses; under storm cloud far less.
/// </summary>
/// <remarks>
/// The battery's charge is the integral of panel current minus load since the scenario started. Because the
/// environment is a pure function of time, the integral is taken in closed form over the scenario's average
/// cloud (passing cloud moves the instantaneous light, not the day's energy), and the charge is clamped to its
/// limits afterwards rather than along the way: over the days a demo runs the clamp is never reached.
/// </remarks>
public sealed partial class SimulatedEnvironment
{
    // Clear-sky sunlight at solar noon with the sun overhead (simplified day: 06:00-18:00 solar time).
    private const double ClearNoonIrradiance = 1000;
    private const double LuxPerWattPerSquareMetre = 100;

    // 20 W, 36-cell panel: 1.14 A at its 17.5 V maximum-power point in 1000 W/m².
    private const double PanelAmpsAtFullSun = 1.14;
    private const double PanelVoltsAtFullSun = 17.5;
    private const double PanelVoltsPerDecade = 2.07; // ~0.9 V per e-fold of light: open-circuit voltage is logarithmic.

    // 12 Ah sealed lead-acid: about 11.8 V rested when flat, 12.7 V full; 0.5 Ω lumps internal and charge overpotential.
    private const double BatteryAmpHours = 12;
    private const double FlatVolts = 11.8;
    private const double FullVolts = 12.7;
    private const double ApparentOhms = 0.5;
    private const double AbsorptionVolts = 14.4;

    /// <summary>The station's draw: a Pi and its sensors through a 12 V → 5 V converter, about 4 W.</summary>
    public const double LoadAmps = 0.33;

    private readonly SmoothNoise _cloudNoise;

    private readonly record struct SunState(double IrradianceWattsPerSquareMetre, double IlluminanceLux);

    private readonly record struct PowerState(double PanelVolts, double PanelAmps, double StateOfCharge, double BatteryVolts);

    private SunState Sun(DateTimeOffset time, double solarHour)
    {
        var cloud = Profile.Sunshine * (1 + (Profile.CloudVariation * _cloudNoise.At(time)));
        var irradiance = ClearNoonIrradiance * Daylight(solarHour) * Math.Clamp(cloud, 0, 1);
        return new SunState(irradiance, irradiance * LuxPerWattPerSquareMetre);
    }

    private PowerState Power(DateTimeOffset time, SunState sun)
    {
        var charged = PanelAmpsAtFullSun * Profile.Sunshine * (DaylightHours(time) - DaylightHours(_start));
        var used = LoadAmps * HoursSinceStart(time);
        var charge = Math.Clamp(Profile.BatteryChargeStart + ((charged - used) / BatteryAmpHours), 0.05, 1);

        var panelAmps = PanelAmpsAtFullSun * sun.IrradianceWattsPerSquareMetre / ClearNoonIrradiance;
        if (charge >= 1)
        {
            panelAmps = Math.Min(panelAmps, LoadAmps); // Full: the controller only covers the load (float charge).
        }

        var panelVolts = sun.IrradianceWattsPerSquareMetre < 0.5
            ? 0
            : Math.Max(0, PanelVoltsAtFullSun + (PanelVoltsPerDecade * Math.Log10(sun.IrradianceWattsPerSquareMetre / ClearNoonIrradiance)));
        var restVolts = FlatVolts + ((FullVolts - FlatVolts) * charge);
        var batteryVolts = Math.Min(AbsorptionVolts, restVolts + ((panelAmps - LoadAmps) * ApparentOhms));
        return new PowerState(panelVolts, panelAmps, charge, batteryVolts);
    }

    /// <summary>Height of the sun as a 0-1 factor on horizontal sunlight, by solar hour.</summary>
    private static double Daylight(double solarHour) => Math.Max(0, Math.Sin(Math.PI * (solarHour - 6) / 12));

    /// <summary>
    /// The integral of <see cref="Daylight"/> from a fixed origin to <paramref name="time"/>, in hours of full sun:
    /// 24/π per whole day plus the part of the current day, in closed form.
    /// </summary>
    private double DaylightHours(DateTimeOffset time)
    {
        var solarHours = (time.UtcDateTime + _time.LocalTimeZone.BaseUtcOffset - DateTime.UnixEpoch).TotalHours;
        var days = Math.Floor(solarHours / 24);
        var hour = solarHours - (days * 24);
        var today = hour switch
        {
            < 6 => 0,
            < 18 => 12 / Math.PI * (1 - Math.Cos(Math.PI * (hour - 6) / 12)),
            _ => 24 / Math.PI,
        };
        return (days * 24 / Math.PI) + today;
    }
}
