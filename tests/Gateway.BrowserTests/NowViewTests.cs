using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using SmartVillage.Gateway.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SmartVillage.Gateway.BrowserTests;

[Collection(DashboardTests.Name)]
public sealed class NowViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Every_request_the_page_makes_goes_to_the_gateway()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        foreach (var view in new[] { "water", "history", "export", "now" })
        {
            await dashboard.ShowAsync(view);
        }

        await Expect(dashboard.Page.Locator("#history-series option").First).ToBeAttachedAsync();
        var foreign = dashboard.Requests.Where(url => new Uri(url).Authority != fixture.Gateway.BaseAddress.Authority).ToList();

        Assert.True(dashboard.Requests.Count >= 4, "the page made too few requests to be checked: " + string.Join(", ", dashboard.Requests));
        Assert.True(foreign.Count == 0, "requests to other hosts: " + string.Join(", ", foreign));
    }

    [Fact]
    public async Task The_page_breaks_no_rule_of_its_content_security_policy()
    {
        await using var dashboard = await fixture.OpenAsync();
        var violations = new List<string>();
        dashboard.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        var response = await dashboard.Page.GotoAsync("/");
        await Expect(dashboard.Page.Locator("#tiles .tile").First).ToBeVisibleAsync();
        await dashboard.ShowAsync("history");
        await Expect(dashboard.Page.Locator("#chart svg")).ToBeVisibleAsync();

        Assert.Contains("default-src 'none'", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_tile_shows_the_reading_the_gateway_stored()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        var tile = dashboard.Tile("weather", "temperature");

        var sequence = long.Parse((await tile.GetAttributeAsync("data-seq"))!, CultureInfo.InvariantCulture);
        var shown = await tile.Locator(".num").TextContentAsync();

        var stored = StoredValue(sequence);
        Assert.Equal(stored.ToString("0.#", CultureInfo.InvariantCulture), shown);
        Assert.Equal("°C", await tile.Locator(".unit").TextContentAsync());
    }

    [Fact]
    public async Task Tiles_change_live_without_reloading_the_page()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        await dashboard.Page.EvaluateAsync("() => { window.loadedOnce = true; }");
        var tile = dashboard.Tile("weather", "temperature");
        var first = await tile.GetAttributeAsync("data-seq");

        await Expect(tile).Not.ToHaveAttributeAsync("data-seq", first!);

        Assert.True(await dashboard.Page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was reloaded");
    }

    [Fact]
    public async Task A_tile_shows_its_state_as_a_word_and_an_icon_not_only_a_colour()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        var tile = dashboard.Tile("weather", "temperature");

        await Expect(tile.Locator(".state svg use")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^#i-(good|watch|act)$"));
        await Expect(tile.Locator(".state span")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(OK|Watch|Act)$"));
    }

    [Fact]
    public async Task A_tile_says_how_fresh_its_value_is()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();

        await Expect(dashboard.Tile("weather", "temperature").Locator(".fresh")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("just now|s ago"));
        await Expect(dashboard.Tile(SeededReadings.SoilProbe, "soil-moisture").Locator(".fresh")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[12] h ago$"));
    }

    [Fact]
    public async Task Gateway_health_says_the_uplink_is_down_and_readings_wait_on_the_gateway()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();

        var health = dashboard.Page.Locator("#health-list");
        await Expect(health).ToContainTextAsync("Not connected: data waits on the gateway");
        await Expect(dashboard.Page.Locator("#badge")).ToHaveTextAsync("Offline");
    }

    [Fact]
    public async Task Gateway_health_counts_the_readings_waiting_and_ages_the_oldest()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();

        var health = dashboard.Page.Locator("#health-list");
        await Expect(health.Locator("li", new() { HasText = "Readings waiting to be sent:" }).Locator("b"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[\d,]{3,}$"));
        await Expect(health.Locator("li", new() { HasText = "Oldest unsent reading:" }).Locator("b")).ToHaveTextAsync("7 days ago");
        await Expect(health).ToContainTextAsync("All sensors working");
    }

    [Fact]
    public async Task Gateway_health_names_a_field_node_not_heard_from()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();

        await Expect(dashboard.Page.Locator("#health-list li", new() { HasText = "Node not heard from:" }).Locator("b"))
            .ToHaveTextAsync("plot 7 soil probe · not since the gateway started");
    }

    [Fact]
    public async Task Gateway_health_says_how_many_days_the_storage_can_hold()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();

        await Expect(dashboard.Page.Locator("#health-list li", new() { HasText = "Storage room left at the current rate:" }).Locator("b"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(about [\d,]+ days|more than 10 years)$"));
    }

    private double StoredValue(long sequence)
    {
        using var connection = new SqliteConnection($"Data Source={fixture.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM readings WHERE seq = $s";
        command.Parameters.AddWithValue("$s", sequence);
        return Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
