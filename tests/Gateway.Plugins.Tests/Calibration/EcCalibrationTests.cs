using SmartVillage.Hardware.Simulation.Devices.Analog;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Calibration;
using SmartVillage.Plugins.Tests.Support;
using SmartVillage.Plugins.Tests.Water;
using SmartVillage.Plugins.Water;

namespace SmartVillage.Plugins.Tests.Calibration;

/// <summary>
/// Calibrating a simulated EC probe whose cell constant is 1.08 times the board's nominal one: probe in each standard,
/// point read through the real ADS1115 and DS18B20 drivers, cell constant computed with temperature compensation.
/// </summary>
public sealed class EcCalibrationTests : IDisposable
{
    private const double ProbeConstant = 1.08;
    private readonly WaterKit _water = new();
    private readonly EcSensor _sensor;
    private readonly AnalogEcProbe _probe;
    private readonly EcCalibrator _calibrator = new();

    public EcCalibrationTests()
    {
        _sensor = _water.AttachEc();
        _probe = _water.Kit.Model<AnalogEcProbe>("tank-ec");
        _probe.CellConstant = ProbeConstant;
    }

    [Fact]
    public async Task The_1413_standard_gives_the_probes_cell_constant()
    {
        var outcome = _calibrator.Compute("tank-ec", [await Standard(1413)], _water.Time.GetUtcNow());

        Assert.True(outcome.IsAccepted, outcome.Refusal);
        Assert.Equal(ProbeConstant, outcome.Calibration!.CellConstant, 0.005);
        Assert.Equal(CalibrationKind.Ec, outcome.Calibration.Kind);
    }

    [Fact]
    public async Task A_standard_away_from_25_degrees_is_compensated_before_the_constant_is_found()
    {
        _water.Time.Advance(TimeSpan.FromHours(15)); // 03:00: the tank has cooled well below 25 °C.
        var point = await Standard(1413);

        var outcome = _calibrator.Compute("tank-ec", [point], _water.Time.GetUtcNow());

        Assert.True(Math.Abs(point.TemperatureCelsius - 25) > 3, $"the standard was at {point.TemperatureCelsius} °C");
        Assert.Equal(ProbeConstant, outcome.Calibration!.CellConstant, 0.005);
    }

    [Fact]
    public async Task Two_standards_that_agree_give_one_constant()
    {
        var outcome = _calibrator.Compute("tank-ec", [await Standard(1413), await Standard(84)], _water.Time.GetUtcNow());

        Assert.True(outcome.IsAccepted, outcome.Refusal);
        Assert.Equal(ProbeConstant, outcome.Calibration!.CellConstant, 0.01);
        Assert.Equal([84, 1413], outcome.Calibration.Points.Select(p => p.StandardMicrosiemens));
        Assert.Contains(outcome.Calibration.Validation, v => v.StartsWith("the two standards agree within 10 %", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_standards_that_disagree_are_refused_with_both_constants()
    {
        var low = await Standard(84);
        _probe.CellConstant = 1.3; // A contaminated second bottle reads like a different probe.
        var high = await Standard(1413);

        var outcome = _calibrator.Compute("tank-ec", [low, high], _water.Time.GetUtcNow());

        Assert.Equal("standards-disagree", outcome.Reason!.Code);
        Assert.Contains("the 84 µS/cm standard gives cell constant 1.08", outcome.Refusal, StringComparison.Ordinal);
        Assert.Contains("1413 µS/cm standard 1.30", outcome.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_12_88_mS_standard_is_refused_beyond_the_boards_range()
    {
        var outcome = _calibrator.Compute("tank-ec", [await Standard(EcStandards.High)], _water.Time.GetUtcNow());

        Assert.Equal("board-range", outcome.Reason!.Code);
        Assert.Contains("the 12880 µS/cm standard reads", outcome.Refusal, StringComparison.Ordinal);
        Assert.Contains("beyond the board's 2.3 V range", outcome.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fouled_probe_with_a_constant_of_three_is_refused_with_that_reason()
    {
        _probe.CellConstant = 3;

        var outcome = _calibrator.Compute("tank-ec", [await Standard(1413)], _water.Time.GetUtcNow());

        Assert.Contains("cell constant 3.00", outcome.Refusal, StringComparison.Ordinal);
        Assert.Contains("is outside 0.5-2", outcome.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_probe_out_of_the_solution_gives_no_signal_and_is_refused()
    {
        var outcome = _calibrator.Compute("tank-ec", [new EcCalibrationPoint(1413, 0.0, 25)], _water.Time.GetUtcNow());

        Assert.Equal("no-signal", outcome.Reason!.Code);
    }

    [Fact]
    public void Two_points_in_the_same_standard_are_refused()
    {
        var outcome = _calibrator.Compute("tank-ec", [new EcCalibrationPoint(1413, 1.7, 25), new EcCalibrationPoint(1413, 1.7, 25)], _water.Time.GetUtcNow());

        Assert.Equal("same-standard", outcome.Reason!.Code);
    }

    [Fact]
    public async Task Readings_after_calibration_use_its_constant_and_carry_its_id_and_the_board_volts()
    {
        var calibration = await CalibrateAsync();

        var conductivity = (await _sensor.ReadAsync(CancellationToken.None)).Only("conductivity");

        var now = _water.Kit.Environment.Current;
        var at25 = now.WaterConductivityMicrosiemensPerCentimetre / (1 + (0.02 * (now.WaterTemperatureCelsius - 25)));
        Assert.Equal(at25 * 1e-4, conductivity.Value, 0.0002);
        Assert.Equal(calibration.Id, conductivity.CalibrationId);
        Assert.Equal("V", conductivity.RawUnit);
        Assert.NotNull(conductivity.RawValue);
        Assert.Equal(ReadingQuality.Good, conductivity.Quality);
    }

    [Fact]
    public async Task An_uncalibrated_probe_reads_low_and_is_flagged_when_no_constant_was_configured()
    {
        var conductivity = (await _sensor.ReadAsync(CancellationToken.None)).Only("conductivity");

        var now = _water.Kit.Environment.Current;
        var at25 = now.WaterConductivityMicrosiemensPerCentimetre / (1 + (0.02 * (now.WaterTemperatureCelsius - 25)));
        Assert.Equal(at25 / ProbeConstant * 1e-4, conductivity.Value, 0.0002);
        Assert.True(conductivity.Quality.HasFlag(ReadingQuality.Uncalibrated));
        Assert.Null(conductivity.CalibrationId);
    }

    [Fact]
    public async Task Readings_are_flagged_calibration_due_once_the_calibration_is_older_than_the_configured_days()
    {
        using var sensor = _water.AttachEc("weekly-ec", ("Channel", "3"), ("CalibrationDueDays", "7"));
        _water.Kit.Model<AnalogEcProbe>("weekly-ec").StandardMicrosiemensAt25 = 1413;
        var point = await sensor.MeasureStandardAsync(1413, CancellationToken.None);
        _water.Calibrations.Add(_calibrator.Compute("weekly-ec", [point], _water.Time.GetUtcNow()).Calibration!);

        _water.Time.Advance(TimeSpan.FromDays(8));
        var conductivity = (await sensor.ReadAsync(CancellationToken.None)).Only("conductivity");

        Assert.True(conductivity.Quality.HasFlag(ReadingQuality.CalibrationDue));
    }

    private async Task<EcCalibration> CalibrateAsync()
    {
        var outcome = _calibrator.Compute("tank-ec", [await Standard(1413)], _water.Time.GetUtcNow(), "probe SN 88, standard lot 12");
        _water.Calibrations.Add(outcome.Calibration!);
        _probe.StandardMicrosiemensAt25 = null; // Back into the tank.
        return outcome.Calibration!;
    }

    private async Task<EcCalibrationPoint> Standard(double microsiemens)
    {
        _probe.StandardMicrosiemensAt25 = microsiemens;
        return await _sensor.MeasureStandardAsync(microsiemens, CancellationToken.None);
    }

    public void Dispose()
    {
        _sensor.Dispose();
        _water.Dispose();
    }
}
