using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmartVillage.Gateway.IntegrationTests.Support;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>The calibration HTTP API of the real gateway process on the simulated water-quality kit.</summary>
[Collection(CalibrationTests.Name)]
public sealed class CalibrationApiTests(WaterKitGateway water)
{
    [Fact]
    public async Task Viewers_see_the_calibratable_sensors_without_logging_in()
    {
        using var viewer = water.Anonymous();

        var overview = await viewer.GetFromJsonAsync<JsonElement>("api/calibration");
        using var history = await viewer.GetAsync("api/calibration/sensors/tank-ph/history");

        var ids = overview.GetProperty("sensors").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(["tank-ph", "tank-ec", "worn-ph", "cli-ph", "cli-worn-ph"], ids);
        Assert.True(overview.GetProperty("simulated").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
    }

    [Theory]
    [InlineData("POST", "api/calibration/sessions")]
    [InlineData("GET", "api/calibration/sessions/0123456789abcdef")]
    [InlineData("POST", "api/calibration/sessions/0123456789abcdef/points")]
    [InlineData("POST", "api/calibration/sessions/0123456789abcdef/apply")]
    [InlineData("DELETE", "api/calibration/sessions/0123456789abcdef")]
    [InlineData("POST", "api/simulation/probes/tank-ph")]
    public async Task Changes_without_an_admin_login_are_refused_with_401(string method, string path)
    {
        using var anonymous = water.Anonymous();

        using var response = await anonymous.SendAsync(Json(method, path, new { sensor = "tank-ph", solution = 4.01 }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not-logged-in", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Changes_without_the_anti_forgery_header_are_refused_with_403()
    {
        var cookies = new CookieContainer();
        using (var login = water.Anonymous(cookies))
        using (var answer = await login.PostAsJsonAsync("api/admin/login", new { password = WaterKitGateway.Password }))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        using var forged = water.Anonymous(cookies); // The session cookie, as a cross-site page would send it, but no token.
        using var response = await forged.PostAsJsonAsync("api/calibration/sessions", new { sensor = "tank-ph" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("anti-forgery", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_three_point_ph_calibration_gives_the_probes_slope_and_offset_and_later_readings_carry_it()
    {
        using var admin = await water.AdminAsync();
        var session = (await CalibrationSteps.StartAsync(admin, new { sensor = "tank-ph", bufferSet = "technical", note = "electrode SN 1234" }))
            .GetProperty("id").GetString()!;
        try
        {
            foreach (var buffer in new[] { 7.00, 4.01, 10.01 })
            {
                await CalibrationSteps.MeasureAsync(admin, "tank-ph", session, buffer);
            }

            var (_, computed) = await CalibrationSteps.PostAsync(admin, $"api/calibration/sessions/{session}/compute");
            var (status, applied) = await CalibrationSteps.PostAsync(admin, $"api/calibration/sessions/{session}/apply");
            await WaterKitGateway.PlaceAsync(admin, "tank-ph", null);
            var backInWater = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 500;

            var result = computed.GetProperty("result");
            Assert.True(result.GetProperty("accepted").GetBoolean(), result.ToString());
            var ph = result.GetProperty("calibration").GetProperty("ph");
            Assert.Equal(98, ph.GetProperty("acid").GetProperty("slopePercent").GetDouble(), 0.5);
            Assert.Equal(98, ph.GetProperty("alkaline").GetProperty("slopePercent").GetDouble(), 0.5);
            Assert.Equal(8, ph.GetProperty("acid").GetProperty("offsetMillivolts").GetDouble(), 0.5);
            Assert.Equal(HttpStatusCode.OK, status);
            var id = applied.GetProperty("appliedId").GetString()!;
            Assert.StartsWith("tank-ph@", id, StringComparison.Ordinal);

            // The sensor uses it from its next reading: the pH of the tank, its raw millivolts and the calibration's id.
            var stored = new List<CalibratedReadings.Row>();
            await Eventually.HoldsAsync(() =>
            {
                stored = [.. CalibratedReadings.Of(water.DatabaseFile, "tank-ph")];
                return stored.Any(r => r.CalibrationId == id && r.TimeMs > backInWater);
            }, "a reading of tank-ph from the tank carried the new calibration", TimeSpan.FromSeconds(30));
            var reading = stored.First(r => r.CalibrationId == id && r.TimeMs > backInWater);
            Assert.Equal(0, reading.Quality & (int)ReadingQuality.Calibrating);
            var temperature = stored.First(r => r.Quantity == "temperature" && r.TimeMs == reading.TimeMs).Value;
            var calibration = new CalibrationStore(Path.Combine(Path.GetDirectoryName(water.DatabaseFile)!, "calibrations.json")).Latest<PhCalibration>("tank-ph")!;
            Assert.Equal("ph", reading.Quantity);
            Assert.Equal("mV", reading.RawUnit);
            Assert.Equal(calibration.Ph(reading.Raw!.Value, temperature), reading.Value, 0.011);
            Assert.Equal(7.2, reading.Value, 0.1); // The simulated tank: pH 7.2 ± 0.05.
            Assert.Equal(id, calibration.Id);
            Assert.Equal("electrode SN 1234", calibration.Note);

            // While the probe sat in the buffers its readings were stored, flagged as taken during a calibration.
            Assert.Contains(stored, r => r.Quantity == "ph" && (r.Quality & (int)ReadingQuality.Calibrating) != 0 && r.Value < 5);
            var overview = await admin.GetFromJsonAsync<JsonElement>("api/calibration");
            var sensor = overview.GetProperty("sensors").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "tank-ph");
            Assert.Equal("ok", sensor.GetProperty("status").GetString());
            Assert.Equal(id, sensor.GetProperty("current").GetProperty("id").GetString());
        }
        finally
        {
            await CalibrationSteps.CancelAsync(admin, session);
        }
    }

    [Fact]
    public async Task A_probe_with_a_70_percent_slope_is_refused_with_that_reason_and_nothing_is_applied()
    {
        using var admin = await water.AdminAsync();
        var session = (await CalibrationSteps.StartAsync(admin, new { sensor = "worn-ph", buffers = new[] { 4.01, 7.00, 10.01 } })).GetProperty("id").GetString()!;
        try
        {
            foreach (var buffer in new[] { 7.00, 4.01, 10.01 })
            {
                await CalibrationSteps.MeasureAsync(admin, "worn-ph", session, buffer);
            }

            var (_, computed) = await CalibrationSteps.PostAsync(admin, $"api/calibration/sessions/{session}/compute");
            var (status, refused) = await CalibrationSteps.PostAsync(admin, $"api/calibration/sessions/{session}/apply");

            var result = computed.GetProperty("result");
            Assert.False(result.GetProperty("accepted").GetBoolean());
            Assert.Contains("slope 70.0 % of Nernst is outside 85-105 %", result.GetProperty("refusal").GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Conflict, status);
            Assert.Equal("slope", refused.GetProperty("code").GetString());
            Assert.Contains("slope 70.0 % of Nernst is outside 85-105 %", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("api/calibration/sensors/worn-ph/history")).EnumerateArray());
        }
        finally
        {
            await CalibrationSteps.CancelAsync(admin, session);
            await WaterKitGateway.PlaceAsync(admin, "worn-ph", null);
        }
    }

    [Fact]
    public async Task An_ec_probe_calibrated_in_the_1413_standard_reads_the_tank_right_with_the_calibration_id()
    {
        using var admin = await water.AdminAsync();
        var session = (await CalibrationSteps.StartAsync(admin, new { sensor = "tank-ec", standards = new[] { 1413.0 } })).GetProperty("id").GetString()!;
        try
        {
            await CalibrationSteps.MeasureAsync(admin, "tank-ec", session, 1413);
            var (_, computed) = await CalibrationSteps.PostAsync(admin, $"api/calibration/sessions/{session}/compute");
            var (_, applied) = await CalibrationSteps.PostAsync(admin, $"api/calibration/sessions/{session}/apply");
            await WaterKitGateway.PlaceAsync(admin, "tank-ec", null);
            var backInWater = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 500;

            Assert.Equal(1.1, computed.GetProperty("result").GetProperty("calibration").GetProperty("ec").GetProperty("cellConstant").GetDouble(), 0.01);
            var id = applied.GetProperty("appliedId").GetString();
            CalibratedReadings.Row? reading = null;
            await Eventually.HoldsAsync(() =>
            {
                reading = CalibratedReadings.Of(water.DatabaseFile, "tank-ec")
                    .LastOrDefault(r => r.Quantity == "conductivity" && r.CalibrationId == id && r.TimeMs > backInWater);
                return reading is not null;
            }, "a reading of tank-ec carried the new calibration", TimeSpan.FromSeconds(30));
            Assert.Equal("V", reading!.RawUnit);
            Assert.Equal(0.045, reading.Value, 0.002); // The tank: 450 µS/cm at 25 °C = 0.045 S/m.
            Assert.Equal(0, reading.Quality & (int)ReadingQuality.Uncalibrated);
        }
        finally
        {
            await CalibrationSteps.CancelAsync(admin, session);
        }
    }

    [Fact]
    public async Task A_point_taken_before_the_probe_has_settled_is_refused_with_the_reason()
    {
        using var admin = await water.AdminAsync();
        var session = (await CalibrationSteps.StartAsync(admin, new { sensor = "tank-ph", buffers = new[] { 7.00 } })).GetProperty("id").GetString()!;
        try
        {
            using var response = await admin.PostAsJsonAsync($"api/calibration/sessions/{session}/points", new { reference = 7.00 });
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.True(problem.GetProperty("code").GetString() is "not-stable" or "no-reading", problem.ToString());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }
        finally
        {
            await CalibrationSteps.CancelAsync(admin, session);
        }
    }

    [Fact]
    public async Task Bad_requests_get_problem_details_that_say_what_is_wrong()
    {
        using var admin = await water.AdminAsync();

        using var tooLarge = await admin.PostAsync("api/calibration/sessions",
            new StringContent("{\"sensor\":\"tank-ph\",\"note\":\"" + new string('x', 10_000) + "\"}", Encoding.UTF8, "application/json"));
        using var malformed = await admin.PostAsync("api/calibration/sessions", new StringContent("{\"sensor\": tank", Encoding.UTF8, "application/json"));
        using var notJson = await admin.PostAsync("api/calibration/sessions", new StringContent("sensor=tank-ph", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var unknown = await admin.PostAsJsonAsync("api/calibration/sessions", new { sensor = "no-such-probe" });
        using var notCalibratable = await admin.PostAsJsonAsync("api/calibration/sessions", new { sensor = "tank-temperature" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("LineNumber: 0", (await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notCalibratable.StatusCode);
        Assert.Equal("not-calibratable", (await notCalibratable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private static HttpRequestMessage Json(string method, string path, object body) =>
        new(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(body) };
}
