using SmartVillage.Hardware.Simulation.Devices.Analog;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Calibration;
using SmartVillage.Plugins.Tests.Support;
using SmartVillage.Plugins.Water;

namespace SmartVillage.Plugins.Tests.Water;

/// <summary>
/// Calibrating a simulated pH electrode (98 % slope, +8 mV offset) on site: probe in each buffer, point recorded
/// through the real ADS1115 and DS18B20 drivers, calibration computed, validated, stored and applied.
/// </summary>
public sealed class PhCalibrationTests : IDisposable
{
    private readonly WaterKit _water = new();
    private readonly PhSensor _sensor;
    private readonly AnalogPhProbe _probe;
    private readonly PhCalibrator _calibrator = new();

    public PhCalibrationTests()
    {
        _sensor = _water.AttachPh();
        _probe = _water.Kit.Model<AnalogPhProbe>("tank-ph");
    }

    [Fact]
    public async Task Three_technical_buffers_give_the_electrode_slope_and_offset()
    {
        var outcome = _calibrator.Compute("tank-ph", PhBufferSet.Technical, await Buffers(4.01, 7.00, 10.01), _water.Time.GetUtcNow());

        Assert.True(outcome.IsAccepted, outcome.Refusal);
        Assert.Equal(98, outcome.Calibration!.Acid.SlopePercent, 0.2);
        Assert.Equal(98, outcome.Calibration.Alkaline.SlopePercent, 0.2);
        Assert.Equal(8, outcome.Calibration.Acid.OffsetMillivolts, 0.3);
        Assert.Equal(7.00, outcome.Calibration.SplitPh);
    }

    [Fact]
    public async Task Three_nist_buffers_give_the_electrode_slope_and_offset()
    {
        var outcome = _calibrator.Compute("tank-ph", PhBufferSet.Nist, await Buffers(4.00, 6.86, 9.18), _water.Time.GetUtcNow());

        Assert.True(outcome.IsAccepted, outcome.Refusal);
        Assert.Equal(98, outcome.Calibration!.Acid.SlopePercent, 0.2);
        Assert.Equal(8, outcome.Calibration.Alkaline.OffsetMillivolts, 0.3);
    }

    [Fact]
    public async Task Two_buffers_give_one_slope_used_on_both_sides()
    {
        var outcome = _calibrator.Compute("tank-ph", PhBufferSet.Technical, await Buffers(7.00, 4.01), _water.Time.GetUtcNow());

        Assert.True(outcome.IsAccepted, outcome.Refusal);
        Assert.Equal(98, outcome.Calibration!.Acid.SlopePercent, 0.2);
        Assert.Same(outcome.Calibration.Acid, outcome.Calibration.Alkaline);
    }

    [Fact]
    public async Task One_neutral_buffer_sets_the_offset_with_an_ideal_slope()
    {
        var outcome = _calibrator.Compute("tank-ph", PhBufferSet.Technical, await Buffers(7.00), _water.Time.GetUtcNow());

        Assert.True(outcome.IsAccepted, outcome.Refusal);
        Assert.Equal(100, outcome.Calibration!.Acid.SlopePercent);
        Assert.Equal(8, outcome.Calibration.Acid.OffsetMillivolts, 0.3);
    }

    [Fact]
    public async Task One_point_in_an_acid_buffer_is_refused()
    {
        var outcome = _calibrator.Compute("tank-ph", PhBufferSet.Technical, await Buffers(4.01), _water.Time.GetUtcNow());

        Assert.Contains("neutral buffer", outcome.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_electrode_with_a_70_percent_slope_is_refused_with_that_reason()
    {
        _probe.SlopeFraction = 0.70;

        var outcome = _calibrator.Compute("tank-ph", PhBufferSet.Technical, await Buffers(4.01, 7.00, 10.01), _water.Time.GetUtcNow());

        Assert.False(outcome.IsAccepted);
        Assert.Contains("slope 70.0 % of Nernst is outside 85-105 %", outcome.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_electrode_with_a_45_millivolt_offset_is_refused_with_that_reason()
    {
        _probe.OffsetMillivolts = 45;

        var outcome = _calibrator.Compute("tank-ph", PhBufferSet.Technical, await Buffers(4.01, 7.00), _water.Time.GetUtcNow());

        Assert.Contains("offset 45.0 mV at pH 7 is outside ±30 mV", outcome.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_buffer_from_another_set_is_refused()
    {
        var outcome = _calibrator.Compute("tank-ph", PhBufferSet.Technical, await Buffers(6.86, 4.01), _water.Time.GetUtcNow());

        Assert.Contains("not in the technical set", outcome.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readings_after_calibration_carry_its_id_and_both_raw_and_calibrated_values()
    {
        var calibration = await CalibrateAsync();

        var ph = (await _sensor.ReadAsync(CancellationToken.None)).Only("ph");

        Assert.Equal(calibration.Id, ph.CalibrationId);
        Assert.Equal("mV", ph.RawUnit);
        var conditions = _water.Kit.Environment.Current;
        Assert.Equal(_probe.ElectrodeMillivolts(conditions.WaterPh, conditions.WaterTemperatureCelsius), ph.RawValue!.Value, 0.1);
        Assert.Equal(conditions.WaterPh, ph.Value, 0.02);
        Assert.Equal(ReadingQuality.Good, ph.Quality);
    }

    [Fact]
    public async Task A_calibrated_probe_stays_right_when_the_water_warms()
    {
        await CalibrateAsync();
        _water.Time.Advance(TimeSpan.FromHours(4)); // Noon to 16:00: the tank warms, the electrode slope grows.

        var ph = (await _sensor.ReadAsync(CancellationToken.None)).Only("ph");

        Assert.Equal(_water.Kit.Environment.Current.WaterPh, ph.Value, 0.02);
    }

    [Fact]
    public async Task Readings_without_a_calibration_are_flagged_uncalibrated_and_name_none()
    {
        var ph = (await _sensor.ReadAsync(CancellationToken.None)).Only("ph");

        Assert.True(ph.Quality.HasFlag(ReadingQuality.Uncalibrated));
        Assert.Null(ph.CalibrationId);
        Assert.NotNull(ph.RawValue);
    }

    [Fact]
    public async Task Readings_are_flagged_calibration_due_once_the_calibration_is_older_than_30_days()
    {
        await CalibrateAsync();

        _water.Time.Advance(TimeSpan.FromDays(31));
        var ph = (await _sensor.ReadAsync(CancellationToken.None)).Only("ph");

        Assert.True(ph.Quality.HasFlag(ReadingQuality.CalibrationDue));
    }

    [Fact]
    public async Task A_stored_calibration_is_applied_after_a_restart()
    {
        var calibration = await CalibrateAsync();

        var reopened = new CalibrationStore(_water.CalibrationFile);

        Assert.Equal(calibration.Id, reopened.Latest("tank-ph")!.Id);
        Assert.Equal(calibration.Points, reopened.Latest<PhCalibration>("tank-ph")!.Points);
    }

    [Fact]
    public async Task A_reading_records_the_compensation_temperature_from_the_thermometer()
    {
        var temperature = (await _sensor.ReadAsync(CancellationToken.None)).Only("temperature");

        Assert.Equal(_water.Kit.Environment.Current.WaterTemperatureCelsius, temperature.Value, 0.04);
    }

    private async Task<PhCalibration> CalibrateAsync()
    {
        var outcome = _calibrator.Compute(
            "tank-ph", PhBufferSet.Technical, await Buffers(4.01, 7.00, 10.01), _water.Time.GetUtcNow(), "electrode SN 1234, buffer lot 77");
        _water.Calibrations.Add(outcome.Calibration!);
        _probe.BufferPh = null; // Back into the tank.
        return outcome.Calibration!;
    }

    private async Task<List<PhCalibrationPoint>> Buffers(params double[] buffers)
    {
        var points = new List<PhCalibrationPoint>();
        foreach (var buffer in buffers)
        {
            _probe.BufferPh = buffer;
            points.Add(await _sensor.MeasureBufferAsync(buffer, CancellationToken.None));
        }

        return points;
    }

    public void Dispose()
    {
        _sensor.Dispose();
        _water.Dispose();
    }
}
