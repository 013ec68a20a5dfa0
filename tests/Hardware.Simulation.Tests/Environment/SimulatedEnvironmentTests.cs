using Microsoft.Extensions.Time.Testing;
using SmartVillage.Hardware.Simulation.EnvironmentModel;

namespace SmartVillage.Hardware.Simulation.Tests.EnvironmentModel;

public sealed class SimulatedEnvironmentTests
{
    private static readonly DateTimeOffset s_midnight = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Mid_afternoon_is_warmer_and_drier_than_dawn()
    {
        var environment = new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(s_midnight));

        var dawn = environment.At(s_midnight.AddHours(6));
        var afternoon = environment.At(s_midnight.AddHours(15));

        Assert.True(afternoon.AirTemperatureCelsius > dawn.AirTemperatureCelsius + 10);
        Assert.True(afternoon.RelativeHumidityPercent < dawn.RelativeHumidityPercent - 30);
    }

    [Fact]
    public void The_coolest_and_warmest_hours_are_near_six_and_fifteen_solar_time()
    {
        var environment = new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(s_midnight));
        var hourly = Enumerable.Range(0, 24).Select(h => environment.At(s_midnight.AddHours(h)).AirTemperatureCelsius).ToList();

        Assert.InRange(hourly.IndexOf(hourly.Min()), 5, 7);
        Assert.InRange(hourly.IndexOf(hourly.Max()), 14, 16);
    }

    [Fact]
    public void A_clear_day_stays_within_its_temperature_humidity_and_pressure_bands()
    {
        var environment = new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(s_midnight));

        for (var minute = 0; minute < 24 * 60; minute += 10)
        {
            var conditions = environment.At(s_midnight.AddMinutes(minute));
            Assert.InRange(conditions.AirTemperatureCelsius, 13.5, 29.5);
            Assert.InRange(conditions.RelativeHumidityPercent, 33, 87);
            Assert.InRange(conditions.PressurePascals, 100_600, 101_400);
        }
    }

    [Fact]
    public void The_same_instant_always_gives_the_same_conditions()
    {
        var first = new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(s_midnight), seed: 7);
        var second = new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(s_midnight), seed: 7);
        var noon = s_midnight.AddHours(12);

        Assert.Equal(first.At(noon), second.At(noon));
        Assert.Equal(first.At(noon), first.At(noon));
    }

    [Fact]
    public void A_different_seed_gives_a_different_but_similar_day()
    {
        var noon = s_midnight.AddHours(12);
        var one = new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(s_midnight), seed: 1).At(noon);
        var two = new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(s_midnight), seed: 2).At(noon);

        Assert.NotEqual(one.PressurePascals, two.PressurePascals);
        Assert.Equal(one.AirTemperatureCelsius, two.AirTemperatureCelsius, 1.0);
    }

    [Fact]
    public void Current_follows_the_injected_clock()
    {
        var time = new FakeTimeProvider(s_midnight.AddHours(6));
        var environment = new SimulatedEnvironment(ScenarioCatalog.ClearDay, time);

        time.Advance(TimeSpan.FromHours(9));

        Assert.Equal(environment.At(s_midnight.AddHours(15)), environment.Current);
    }

    [Fact]
    public void The_local_zone_standard_offset_moves_the_solar_day()
    {
        var time = new FakeTimeProvider(s_midnight);
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+3", TimeSpan.FromHours(3), "UTC+3", "UTC+3"));
        var environment = new SimulatedEnvironment(ScenarioCatalog.ClearDay, time);

        // 12:00 UTC is 15:00 solar at UTC+3: the warmest hour.
        var hourly = Enumerable.Range(0, 24).Select(h => environment.At(s_midnight.AddHours(h)).AirTemperatureCelsius).ToList();

        Assert.InRange(hourly.IndexOf(hourly.Max()), 11, 13);
    }

    [Fact]
    public void In_a_storm_pressure_falls_for_hours_and_humidity_stays_high()
    {
        var time = new FakeTimeProvider(s_midnight);
        var environment = new SimulatedEnvironment(ScenarioCatalog.Storm, time);

        var start = environment.At(s_midnight);
        var sixHoursLater = environment.At(s_midnight.AddHours(6));

        Assert.True(start.PressurePascals - sixHoursLater.PressurePascals > 500, "a storm drops several hPa in six hours");
        Assert.True(sixHoursLater.RelativeHumidityPercent >= 78);
    }

    [Fact]
    public void A_dry_spell_afternoon_is_hotter_and_drier_than_a_clear_day_afternoon()
    {
        var afternoon = s_midnight.AddHours(15);
        var clear = new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(s_midnight)).At(afternoon);
        var dry = new SimulatedEnvironment(ScenarioCatalog.DrySpell, new FakeTimeProvider(s_midnight)).At(afternoon);

        Assert.True(dry.AirTemperatureCelsius > clear.AirTemperatureCelsius + 5);
        Assert.True(dry.RelativeHumidityPercent < clear.RelativeHumidityPercent - 15);
    }

    [Fact]
    public void Daylight_peaks_at_solar_noon_and_is_gone_at_night()
    {
        var environment = new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(s_midnight));

        var noon = environment.At(s_midnight.AddHours(12));
        var night = environment.At(s_midnight.AddHours(23));

        Assert.Equal(1000.0, noon.SolarIrradianceWattsPerSquareMetre, 1.0);
        Assert.Equal(100_000.0, noon.IlluminanceLux, 100.0);
        Assert.Equal(0, night.IlluminanceLux);
        Assert.Equal(0, night.SolarPanelAmps);
        Assert.Equal(0, night.SolarPanelVolts);
    }

    [Fact]
    public void Storm_cloud_lets_through_a_moving_fraction_of_the_light()
    {
        var noon = s_midnight.AddHours(12);
        var storm = new SimulatedEnvironment(ScenarioCatalog.Storm, new FakeTimeProvider(s_midnight));
        var minutes = Enumerable.Range(0, 60).Select(m => storm.At(noon.AddMinutes(m)).IlluminanceLux).ToList();

        Assert.All(minutes, lux => Assert.InRange(lux, 7_000, 23_000));
        Assert.True(minutes.Max() - minutes.Min() > 2_000, "passing cloud moves the light");
    }

    [Fact]
    public void The_solar_panel_current_follows_the_light()
    {
        var environment = new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(s_midnight));
        var hours = Enumerable.Range(6, 7).Select(h => environment.At(s_midnight.AddHours(h))).ToList();

        Assert.Equal(hours.Select(c => c.IlluminanceLux).Order(), hours.Select(c => c.IlluminanceLux));
        Assert.Equal(hours.Select(c => c.SolarPanelAmps).Order(), hours.Select(c => c.SolarPanelAmps));
        Assert.All(hours, c => Assert.Equal(c.IlluminanceLux / 100_000 * 1.14, c.SolarPanelAmps, 1e-9));
    }

    [Fact]
    public void The_battery_charges_by_day_and_runs_down_at_night()
    {
        var environment = new SimulatedEnvironment(ScenarioCatalog.ClearDay, new FakeTimeProvider(s_midnight));

        var dawn = environment.At(s_midnight.AddHours(6));
        var dusk = environment.At(s_midnight.AddHours(18));
        var nextDawn = environment.At(s_midnight.AddHours(30));

        Assert.True(dusk.BatteryStateOfCharge > dawn.BatteryStateOfCharge);
        Assert.True(nextDawn.BatteryStateOfCharge < dusk.BatteryStateOfCharge);
        Assert.True(environment.At(s_midnight.AddHours(12)).BatteryAmps > 0, "charging at noon");
        Assert.True(environment.At(s_midnight.AddHours(23)).BatteryAmps < 0, "discharging at night");
        Assert.InRange(dusk.BatteryVolts, 11.8, 14.4);
    }

    [Fact]
    public void A_storm_runs_the_battery_down_even_by_day()
    {
        var start = s_midnight.AddHours(8);
        var environment = new SimulatedEnvironment(ScenarioCatalog.Storm, new FakeTimeProvider(start));

        var later = environment.At(start.AddHours(8));

        Assert.True(later.BatteryStateOfCharge < ScenarioCatalog.Storm.BatteryChargeStart - 0.1);
        Assert.True(later.BatteryVolts < environment.At(start).BatteryVolts);
    }
}
