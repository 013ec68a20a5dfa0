using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmartVillage.Gateway.BrowserTests.Support;

namespace SmartVillage.Gateway.BrowserTests;

/// <summary>The admin settings API against the real gateway process, as the settings page calls it.</summary>
[Collection(SettingsTests.Name)]
public sealed class SettingsApiTests(SettingsFixture fixture)
{
    private string OverlayFile => Path.Combine(fixture.Folder, "settings-overlay.json");

    [Fact]
    public async Task Settings_cannot_be_read_without_login()
    {
        using var client = fixture.Anonymous(20);

        using var response = await client.GetAsync("api/admin/settings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_change_without_login_is_refused_and_nothing_is_written()
    {
        using var client = fixture.Anonymous(21);
        var before = File.Exists(OverlayFile) ? await File.ReadAllTextAsync(OverlayFile) : null;
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/admin/settings/thresholds/temperature") { Content = JsonContent.Create(new { actAbove = -40 }) };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, File.Exists(OverlayFile) ? await File.ReadAllTextAsync(OverlayFile) : null);
    }

    [Fact]
    public async Task A_change_without_the_anti_forgery_token_is_refused()
    {
        using var admin = await fixture.LoginAsync(22);
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/admin/settings/name") { Content = JsonContent.Create(new { name = "forged" }) };

        using var response = await admin.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("settings test kit", (await admin.SettingsAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_change_sent_as_a_form_is_refused()
    {
        using var admin = await fixture.LoginAsync(23);

        using var response = await admin.SendAsync(HttpMethod.Put, "api/admin/settings/name", new FormUrlEncodedContent([new("name", "from a form")]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_body_larger_than_a_setting_needs_is_refused()
    {
        using var admin = await fixture.LoginAsync(24);
        var huge = new StringContent(JsonSerializer.Serialize(new { name = new string('x', 5000) }), Encoding.UTF8, "application/json");

        using var response = await admin.SendAsync(HttpMethod.Put, "api/admin/settings/name", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Limits_out_of_order_are_refused_naming_the_field()
    {
        using var admin = await fixture.LoginAsync(25);

        using var response = await admin.PutAsync("api/admin/settings/thresholds/temperature", new { actBelow = 0, watchBelow = 20, watchAbove = 10 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("must be above watchBelow (20)", errors.GetProperty("watchAbove")[0].GetString(), StringComparison.Ordinal);
        Assert.False(Threshold(await admin.SettingsAsync(), "temperature").GetProperty("changed").GetBoolean());
    }

    [Fact]
    public async Task A_misspelt_field_and_a_word_for_a_number_are_refused_naming_each()
    {
        using var admin = await fixture.LoginAsync(26);

        using var response = await admin.PutAsync("api/admin/settings/thresholds/temperature", new { watchBelo = 3, actAbove = "forty" });

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("watchBelo is not a setting here", errors.GetProperty("watchBelo")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("actAbove must be a number", errors.GetProperty("actAbove")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interval_out_of_range_and_an_empty_name_are_refused_naming_the_field()
    {
        using var admin = await fixture.LoginAsync(27);

        using var interval = await admin.PutAsync("api/admin/settings/sensors/weather", new { intervalSeconds = 0.01 });
        using var name = await admin.PutAsync("api/admin/settings/name", new { name = "  " });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (interval.StatusCode, name.StatusCode));
        Assert.Contains("intervalSeconds: 0.01 s is outside 0.1 s", (await interval.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("intervalSeconds")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await name.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task An_unknown_sensor_or_quantity_is_refused_naming_it()
    {
        using var admin = await fixture.LoginAsync(28);

        using var sensor = await admin.PutAsync("api/admin/settings/sensors/borehole", new { enabled = false });
        using var quantity = await admin.PutAsync("api/admin/settings/thresholds/wind-chill", new { actBelow = 1 });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (sensor.StatusCode, quantity.StatusCode));
        Assert.Contains("'borehole'", await sensor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("'wind-chill'", await quantity.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setting_pinned_in_the_environment_cannot_be_changed_here()
    {
        using var admin = await fixture.LoginAsync(29);

        using var response = await admin.PutAsync($"api/admin/settings/thresholds/{SettingsFixture.PinnedQuantity}", new { actBelow = 4 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Kit__Dashboard__LimitOverrides__ph__ActBelow", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_threshold_changes_the_tile_and_the_history_at_once_and_a_reset_restores_them()
    {
        using var admin = await fixture.LoginAsync(30);
        try
        {
            using var change = await admin.PutAsync("api/admin/settings/thresholds/temperature", new { actAbove = -40 });
            change.EnsureSuccessStatusCode();

            var tile = await admin.NowTileAsync("weather", "temperature");
            var history = await admin.Http.GetFromJsonAsync<JsonElement>("api/history?sensor=weather&quantity=temperature&range=day");
            Assert.Equal(("act", "reason.heat"), (tile.GetProperty("state").GetString(), tile.GetProperty("reason").GetString()));
            Assert.Equal(-40, history.GetProperty("threshold").GetProperty("actAbove").GetDouble());
            Assert.Equal(JsonValueKind.Null, history.GetProperty("threshold").GetProperty("watchBelow").ValueKind);
        }
        finally
        {
            using var reset = await admin.DeleteAsync("api/admin/settings/thresholds/temperature");
            reset.EnsureSuccessStatusCode();
        }

        var restored = await admin.NowTileAsync("weather", "temperature");
        Assert.NotEqual("act", restored.GetProperty("state").GetString());
        Assert.False(Threshold(await admin.SettingsAsync(), "temperature").GetProperty("changed").GetBoolean());
    }

    [Fact]
    public async Task Every_change_is_listed_with_who_and_when_and_logged()
    {
        using var admin = await fixture.LoginAsync(31);

        using var change = await admin.PutAsync("api/admin/settings/thresholds/humidity", new { watchAbove = 90 });
        using var reset = await admin.DeleteAsync("api/admin/settings/thresholds/humidity");

        var changes = (await admin.SettingsAsync()).GetProperty("changes");
        Assert.Equal(("threshold-reset", "humidity", "127.0.0.31"), Describe(changes[0]));
        Assert.Equal(("threshold", "humidity", "127.0.0.31"), Describe(changes[1]));
        Assert.Equal("watchAbove none → 90", changes[1].GetProperty("detail").GetString());
        Assert.Contains("Admin change from 127.0.0.31", fixture.Gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(SettingsFixture.Password, fixture.Gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Changes_are_kept_in_the_overlay_and_survive_a_restart()
    {
        using (var admin = await fixture.LoginAsync(32))
        {
            (await admin.PutAsync("api/admin/settings/name", new { name = "Shamba la Mama Neema" })).EnsureSuccessStatusCode();
            (await admin.PutAsync("api/admin/settings/sensors/garden", new { intervalSeconds = 2.5 })).EnsureSuccessStatusCode();
        }

        await fixture.RestartAsync();

        using var again = await fixture.LoginAsync(33);
        try
        {
            var settings = await again.SettingsAsync();
            var garden = settings.GetProperty("sensors").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "garden");
            var now = await again.Http.GetFromJsonAsync<JsonElement>("api/now");
            Assert.Equal(("Shamba la Mama Neema", true), (settings.GetProperty("name").GetString(), settings.GetProperty("nameChanged").GetBoolean()));
            Assert.Equal((2.5, 0.5, true), (garden.GetProperty("intervalSeconds").GetDouble(), garden.GetProperty("kitIntervalSeconds").GetDouble(), garden.GetProperty("changed").GetBoolean()));
            Assert.Equal("Shamba la Mama Neema", now.GetProperty("kit").GetString());
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(OverlayFile));
            Assert.Contains("\"Name\": \"Shamba la Mama Neema\"", await File.ReadAllTextAsync(OverlayFile), StringComparison.Ordinal);
            Assert.Contains("settings test kit", await File.ReadAllTextAsync(Path.Combine(fixture.Folder, "kit.json")), StringComparison.Ordinal);
        }
        finally
        {
            (await again.DeleteAsync("api/admin/settings/name")).EnsureSuccessStatusCode();
            (await again.DeleteAsync("api/admin/settings/sensors/garden")).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Closed_viewing_refuses_every_read_without_login()
    {
        using var admin = await fixture.LoginAsync(34);
        using var anonymous = fixture.Anonymous(35);
        (await admin.PutAsync("api/admin/settings/viewing", new { open = false })).EnsureSuccessStatusCode();
        try
        {
            string[] reads = ["api/now", "api/series", "api/thresholds", "api/history?sensor=weather&quantity=temperature", "api/export.csv", "api/status", "api/events"];
            foreach (var path in reads)
            {
                using var refused = await anonymous.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{path} answered {refused.StatusCode} without login");
            }

            using var page = await anonymous.GetAsync("/");
            using var allowed = await admin.Http.GetAsync("api/now");
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (page.StatusCode, allowed.StatusCode));
            Assert.False((await anonymous.GetFromJsonAsync<JsonElement>("api/admin/viewing")).GetProperty("open").GetBoolean());
        }
        finally
        {
            (await admin.DeleteAsync("api/admin/settings/viewing")).EnsureSuccessStatusCode();
        }

        using var open = await anonymous.GetAsync("api/now");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task A_disabled_sensor_stops_being_read_until_it_is_enabled_again()
    {
        using var admin = await fixture.LoginAsync(36);
        (await admin.PutAsync("api/admin/settings/sensors/garden", new { enabled = false })).EnsureSuccessStatusCode();
        try
        {
            await Eventually(async () => !(await Sensors(admin)).Contains("garden"), "the garden sensor's poller stopped");
            // A read cut short by the stop may still commit within one commit interval: let that pass first.
            await WeatherReadsOnAsync();
            var garden = LastStored("garden");
            await WeatherReadsOnAsync();
            Assert.Equal(garden, LastStored("garden"));
        }
        finally
        {
            (await admin.DeleteAsync("api/admin/settings/sensors/garden")).EnsureSuccessStatusCode();
        }

        var stopped = LastStored("garden");
        await Eventually(async () => (await Sensors(admin)).Contains("garden") && LastStored("garden") > stopped, "the garden sensor is read again");
    }

    private Task WeatherReadsOnAsync()
    {
        var weather = LastStored("weather");
        return Eventually(() => Task.FromResult(LastStored("weather") > weather + 10), "the weather sensor kept reading");
    }

    /// <summary>The newest sequence number stored for a sensor, read from the database file itself.</summary>
    private long LastStored(string sensor)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(fixture.Folder, "readings.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(r.seq), 0) FROM readings r JOIN series s ON s.id = r.series WHERE s.sensor = $sensor";
        command.Parameters.AddWithValue("$sensor", sensor);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static JsonElement Threshold(JsonElement settings, string quantity) =>
        settings.GetProperty("thresholds").EnumerateArray().Single(t => t.GetProperty("quantity").GetString() == quantity);

    private static (string?, string?, string?) Describe(JsonElement change) =>
        (change.GetProperty("setting").GetString(), change.GetProperty("subject").GetString(), change.GetProperty("client").GetString());

    private static async Task<List<string>> Sensors(AdminClient admin) =>
        (await admin.Http.GetFromJsonAsync<JsonElement>("api/status")).GetProperty("sensors").EnumerateArray()
            .Select(s => s.GetProperty("id").GetString()!).ToList();

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(100);
        }
    }
}
