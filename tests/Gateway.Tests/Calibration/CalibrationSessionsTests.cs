using SmartVillage.Gateway.Calibration;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Tests.Calibration;

public sealed class CalibrationSessionsTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private readonly CalibrationBench _bench = new();

    [Fact]
    public void A_sensor_the_kit_does_not_have_is_refused_as_unknown()
    {
        var started = _bench.Sessions.Start(new StartCalibrationRequest("well-ph"));

        Assert.Equal(404, started.Problem!.Status);
        Assert.Equal("unknown-sensor", started.Problem.Reason.Code);
        Assert.Contains("calibratable sensors: tank-ph, tank-ec", started.Problem.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sensor_that_keeps_no_calibration_is_refused_naming_its_type()
    {
        var started = _bench.Sessions.Start(new StartCalibrationRequest("weather"));

        Assert.Equal(400, started.Problem!.Status);
        Assert.Equal("not-calibratable", started.Problem.Reason.Code);
        Assert.Contains("(bme280)", started.Problem.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_neutral_buffer_is_measured_first_then_acid_then_alkaline()
    {
        var session = _bench.Start(buffers: [10.01, 4.01, 7.00]);

        Assert.Equal([7.00, 4.01, 10.01], session.Plan);
        Assert.Equal(7.00, session.Next);
        Assert.Equal("technical", session.BufferSet);
    }

    [Fact]
    public void Nist_buffers_choose_the_nist_set()
    {
        var session = _bench.Start(buffers: [4.00, 6.86]);

        Assert.Equal("nist", session.BufferSet);
        Assert.Equal([6.86, 4.00], session.Plan);
    }

    [Fact]
    public void A_one_point_calibration_in_an_acid_buffer_is_refused_before_anything_is_measured()
    {
        var started = _bench.Sessions.Start(new StartCalibrationRequest("tank-ph", Buffers: [4.01]));

        Assert.Equal(400, started.Problem!.Status);
        Assert.Equal("one-point-needs-neutral", started.Problem.Reason.Code);
        Assert.False(_bench.UnderCalibration.Contains("tank-ph"));
    }

    [Fact]
    public void A_second_session_for_the_same_sensor_is_refused_until_the_first_ends()
    {
        var first = _bench.Start();

        var second = _bench.Sessions.Start(new StartCalibrationRequest("tank-ph"));
        _bench.Sessions.Cancel(first.Id);
        var third = _bench.Sessions.Start(new StartCalibrationRequest("tank-ph"));

        Assert.Equal("sensor-busy", second.Problem!.Reason.Code);
        Assert.Equal(409, second.Problem.Status);
        Assert.Null(third.Problem);
    }

    [Fact]
    public void A_point_is_refused_until_the_reading_has_been_steady_for_the_whole_window()
    {
        var session = _bench.Start();

        _bench.HoldInBuffer(7.00, Window - TimeSpan.FromSeconds(5));
        var early = _bench.Sessions.Record(session.Id, new RecordPointRequest());
        _bench.Time.Advance(TimeSpan.FromSeconds(5));
        _bench.HoldInBuffer(7.00, TimeSpan.Zero);
        var recorded = _bench.Record(session.Id);

        Assert.Equal("not-stable", early.Problem!.Reason.Code);
        Assert.Equal("25", early.Problem.Reason.Values["steady"]);
        Assert.Contains("not stable yet: steady for 25 s of 30 s", early.Problem.Reason.Message, StringComparison.Ordinal);
        var point = Assert.Single(recorded.Points);
        Assert.Equal(7.00, point.Reference);
        Assert.Equal(8, point.Raw, 3);
        Assert.Equal(_bench.Time.GetUtcNow(), point.At);
        Assert.Equal(4.01, recorded.Next);
    }

    [Fact]
    public void A_drifting_electrode_is_never_recorded()
    {
        var session = _bench.Start();

        _bench.HoldInBuffer(7.00, TimeSpan.FromMinutes(2), driftMillivoltsPerReading: 0.4);
        var refused = _bench.Sessions.Record(session.Id, new RecordPointRequest());

        Assert.Equal("not-stable", refused.Problem!.Reason.Code);
        Assert.False(_bench.Sessions.Find(session.Id)!.Live!.Stable);
    }

    [Fact]
    public void A_stale_reading_is_refused_with_its_age_and_the_sensors_error()
    {
        var session = _bench.Start();
        _bench.HoldInBuffer(7.00, Window);
        _bench.Live.PublishFailure("tank-ph", "ADS1115 input 0: no acknowledge", _bench.Time.GetUtcNow().AddSeconds(1));

        _bench.Time.Advance(TimeSpan.FromSeconds(45));
        var refused = _bench.Sessions.Record(session.Id, new RecordPointRequest());

        Assert.Equal("no-reading", refused.Problem!.Reason.Code);
        Assert.Contains("is 45 s old (last error: ADS1115 input 0: no acknowledge)", refused.Problem.Reason.Message, StringComparison.Ordinal);
        Assert.False(_bench.Sessions.Find(session.Id)!.Live!.Fresh);
    }

    [Fact]
    public void A_probe_left_in_the_previous_buffer_is_refused()
    {
        var session = _bench.Start();
        _bench.HoldInBuffer(7.00, Window);
        _bench.Record(session.Id);

        _bench.HoldInBuffer(7.00, Window); // Still in pH 7: never moved to 4.01.
        var refused = _bench.Sessions.Record(session.Id, new RecordPointRequest());

        Assert.Equal("same-reading", refused.Problem!.Reason.Code);
        Assert.Contains("has it been moved to buffer 4.01?", refused.Problem.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_buffers_give_slope_and_offset_and_applying_stores_what_the_sensor_reads()
    {
        var session = Measure(7.00, 4.01, 10.01);

        var computed = _bench.Sessions.Compute(session.Id).Session!;
        var applied = _bench.Sessions.Apply(session.Id).Session!;

        Assert.True(computed.Result!.Accepted);
        var ph = computed.Result.Calibration!.Ph!;
        Assert.Equal(98, ph.Acid.SlopePercent, 0.01);
        Assert.Equal(98, ph.Alkaline.SlopePercent, 0.01);
        Assert.Equal(8, ph.Acid.OffsetMillivolts, 0.01);
        Assert.Equal("applied", applied.State);
        var stored = _bench.Store.Latest<PhCalibration>("tank-ph")!;
        Assert.Equal(applied.AppliedId, stored.Id);
        Assert.Equal(_bench.Time.GetUtcNow(), stored.CalibratedAt);
        Assert.Equal("electrode SN 1234", stored.Note);
        Assert.Equal([4.01, 7.00, 10.01], stored.Points.Select(p => p.BufferPh));
        Assert.All(stored.Points, p => Assert.NotNull(p.At));
        Assert.Contains("acid slope 98.0 % of Nernst is within 85-105 %", stored.Validation);
    }

    [Fact]
    public void An_electrode_at_70_percent_is_refused_with_that_reason_and_cannot_be_applied()
    {
        _bench.SlopeFraction = 0.70;
        var session = Measure(7.00, 4.01, 10.01);

        var computed = _bench.Sessions.Compute(session.Id).Session!;
        var applied = _bench.Sessions.Apply(session.Id);

        Assert.False(computed.Result!.Accepted);
        Assert.Equal("slope", computed.Result.Refusal!.Code);
        Assert.Contains("slope 70.0 % of Nernst is outside 85-105 %", computed.Result.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal(409, applied.Problem!.Status);
        Assert.Contains("slope 70.0 % of Nernst is outside 85-105 %", applied.Problem.Reason.Message, StringComparison.Ordinal);
        Assert.Null(_bench.Store.Latest("tank-ph"));
    }

    [Fact]
    public void Computing_before_every_point_is_recorded_names_the_missing_buffers()
    {
        var session = Measure(7.00);

        var refused = _bench.Sessions.Compute(session.Id);

        Assert.Equal("points-missing", refused.Problem!.Reason.Code);
        Assert.Contains("record buffer 4.01, 10.01 first", refused.Problem.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retaken_point_replaces_the_old_one_and_clears_the_result()
    {
        var session = Measure(7.00, 4.01);
        _bench.Sessions.Compute(session.Id);

        _bench.OffsetMillivolts = 9;
        _bench.HoldInBuffer(7.00, Window);
        var retaken = _bench.Record(session.Id, 7.00);

        Assert.Equal("measuring", retaken.State);
        Assert.Null(retaken.Result);
        Assert.Equal(2, retaken.Points.Count);
        Assert.Equal(9, retaken.Points.Single(p => p.Reference == 7.00).Raw, 3);
    }

    [Fact]
    public void While_a_session_is_open_the_sensor_is_read_faster_and_its_readings_flagged()
    {
        var session = _bench.Start();

        var during = (_bench.UnderCalibration.Contains("tank-ph"), _bench.UnderCalibration.IntervalFor("tank-ph", TimeSpan.FromSeconds(10)));
        _bench.Sessions.Cancel(session.Id);

        Assert.Equal((true, TimeSpan.FromSeconds(2)), during);
        Assert.False(_bench.UnderCalibration.Contains("tank-ph"));
        Assert.Equal(TimeSpan.FromSeconds(10), _bench.UnderCalibration.IntervalFor("tank-ph", TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Starting_a_session_wakes_a_poller_waiting_out_its_interval()
    {
        var wake = _bench.UnderCalibration.WakeToken("tank-ph");

        _bench.Start();

        Assert.True(wake.IsCancellationRequested);
    }

    [Fact]
    public void A_session_without_a_step_expires_after_the_timeout_frees_the_sensor_and_is_forgotten_later()
    {
        var session = _bench.Start();
        _bench.HoldInBuffer(7.00, Window);
        _bench.Record(session.Id);

        _bench.Time.Advance(TimeSpan.FromMinutes(15));
        var expired = _bench.Sessions.Find(session.Id)!;
        var next = _bench.Sessions.Start(new StartCalibrationRequest("tank-ph"));
        _bench.Time.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal("expired", expired.State);
        Assert.Null(expired.ExpiresAt);
        Assert.Null(next.Problem);
        Assert.Null(_bench.Sessions.Find(session.Id));
        Assert.Null(_bench.Store.Latest("tank-ph"));
    }

    [Fact]
    public void The_timer_expires_a_forgotten_session_even_when_nobody_asks()
    {
        _bench.Start();

        _bench.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(5));

        Assert.False(_bench.UnderCalibration.Contains("tank-ph"));
    }

    [Fact]
    public void Each_step_moves_the_timeout_on()
    {
        var session = _bench.Start();
        _bench.Time.Advance(TimeSpan.FromMinutes(10));
        _bench.HoldInBuffer(7.00, Window);

        var recorded = _bench.Record(session.Id);
        _bench.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(_bench.Time.GetUtcNow() + TimeSpan.FromMinutes(5), recorded.ExpiresAt);
        Assert.Equal("measuring", _bench.Sessions.Find(session.Id)!.State);
    }

    [Fact]
    public void A_cancelled_session_stores_nothing_and_takes_no_more_steps()
    {
        var session = Measure(7.00, 4.01, 10.01);

        var cancelled = _bench.Sessions.Cancel(session.Id).Session!;
        var compute = _bench.Sessions.Compute(session.Id);

        Assert.Equal("cancelled", cancelled.State);
        Assert.Equal("session-finished", compute.Problem!.Reason.Code);
        Assert.Null(_bench.Store.Latest("tank-ph"));
    }

    [Fact]
    public void One_ec_standard_gives_the_cell_constant_and_applying_stores_it()
    {
        // 1.7 V at 22 °C compensates to 1.7 / 0.94 V; the board's curve gives the nominal µS/cm there.
        var nominal = EcBoardCurve.Microsiemens(EcBoardCurve.CompensatedVolts(1.7, _bench.Celsius));
        var session = _bench.Start("tank-ec");
        _bench.HoldInStandard(1.7, Window);
        _bench.Record(session.Id);

        var computed = _bench.Sessions.Compute(session.Id).Session!;
        _bench.Sessions.Apply(session.Id);

        Assert.Equal([1413.0], session.Plan);
        Assert.Equal(1413 / nominal, computed.Result!.Calibration!.Ec!.CellConstant, 4);
        Assert.Equal(1413 / nominal, _bench.Store.Latest<EcCalibration>("tank-ec")!.CellConstant, 4);
    }

    [Fact]
    public void An_ec_sensor_given_ph_buffers_is_refused()
    {
        var started = _bench.Sessions.Start(new StartCalibrationRequest("tank-ec", Buffers: [7.00]));

        Assert.Equal("wrong-kind", started.Problem!.Reason.Code);
    }

    [Fact]
    public void The_overview_shows_the_current_calibration_its_age_and_when_it_is_due()
    {
        var session = Measure(7.00, 4.01, 10.01);
        _bench.Sessions.Compute(session.Id);
        _bench.Sessions.Apply(session.Id);

        _bench.Time.Advance(TimeSpan.FromDays(31));
        var overview = _bench.Sessions.Overview(simulated: true);

        var ph = overview.Sensors.Single(s => s.Id == "tank-ph");
        Assert.Equal("due", ph.Status);
        Assert.Equal(31, ph.AgeDays!.Value, 2);
        Assert.Equal("uncalibrated", overview.Sensors.Single(s => s.Id == "tank-ec").Status);
        Assert.Single(_bench.Sessions.History("tank-ph")!);
        Assert.Null(_bench.Sessions.History("weather"));
    }

    private CalibrationSessionView Measure(params double[] buffers)
    {
        var session = _bench.Start();
        foreach (var buffer in buffers)
        {
            _bench.HoldInBuffer(buffer, Window);
            session = _bench.Record(session.Id, buffer);
        }

        return session;
    }

    public void Dispose() => _bench.Dispose();
}
