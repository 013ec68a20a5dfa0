using Microsoft.Playwright;
using SmartVillage.Gateway.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SmartVillage.Gateway.BrowserTests;

/// <summary>The settings view on a phone, in real Chromium, against a gateway whose admin password is set.</summary>
[Collection(SettingsTests.Name)]
public sealed class SettingsPageTests(SettingsFixture fixture, ITestOutputHelper output)
{
    /// <summary>Text nodes a person can see, outside anything marked <c>translate="no"</c>, as in <see cref="LanguageTests"/>.</summary>
    private const string VisibleTextScript = """
        () => {
          const texts = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode, text = node.textContent.trim(), parent = node.parentElement;
            if (!text || !/\p{L}/u.test(text) || parent.closest('[translate="no"]')) continue;
            if (parent.getClientRects().length === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
            texts.push(text);
          }
          return texts;
        }
        """;

    [Fact]
    public async Task A_threshold_changed_from_the_phone_changes_the_tile_state()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        var tile = dashboard.Tile("weather", "temperature");
        await Expect(tile).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bact\b"));
        await LogInAndOpenSettingsAsync(dashboard);
        var form = dashboard.Page.Locator("form[data-quantity='temperature']");
        try
        {
            await form.Locator("input[name='actBelow']").FillAsync("");
            await form.Locator("input[name='watchBelow']").FillAsync("");
            await form.Locator("input[name='watchAbove']").FillAsync("");
            await form.Locator("input[name='actAbove']").FillAsync("-40");
            await form.Locator("button[type='submit']").ClickAsync();
            await Expect(dashboard.Page.Locator("form[data-quantity='temperature'] .form-status")).ToHaveTextAsync("Saved.");
            await Expect(dashboard.Page.Locator("form[data-quantity='temperature'] .changed")).ToBeVisibleAsync();

            await dashboard.ShowAsync("now");

            await Expect(tile).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bact\b"));
            await Expect(tile.Locator(".reason")).ToHaveTextAsync("Heat stress");
        }
        finally
        {
            await dashboard.Page.GotoAsync("/#settings");
            await dashboard.Page.Locator("form[data-quantity='temperature'] button[data-action='reset']").ClickAsync();
            await Expect(dashboard.Page.Locator("form[data-quantity='temperature'] .changed")).ToHaveCountAsync(0);
        }

        await dashboard.ShowAsync("now");
        await Expect(tile).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bact\b"));
    }

    [Fact]
    public async Task Limits_out_of_order_are_refused_on_the_page_naming_the_field()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        await LogInAndOpenSettingsAsync(dashboard);
        var form = dashboard.Page.Locator("form[data-quantity='temperature']");

        await form.Locator("input[name='actBelow']").FillAsync("10");
        await form.Locator("input[name='watchBelow']").FillAsync("5");
        await form.Locator("button[type='submit']").ClickAsync();

        await Expect(form.Locator("input[name='watchBelow']")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.Locator("input[name='watchBelow'] + .error")).ToHaveTextAsync("Limits must go up in this order: act below, watch below, watch above, act above.");
        await Expect(form.Locator(".changed")).ToHaveCountAsync(0);
        using var admin = await fixture.LoginAsync(40);
        var temperature = (await admin.SettingsAsync()).GetProperty("thresholds").EnumerateArray().Single(t => t.GetProperty("quantity").GetString() == "temperature");
        Assert.False(temperature.GetProperty("changed").GetBoolean());
    }

    [Fact]
    public async Task With_viewing_closed_the_phone_must_log_in_before_it_sees_a_reading()
    {
        using var admin = await fixture.LoginAsync(41);
        (await admin.PutAsync("api/admin/settings/viewing", new { open = false })).EnsureSuccessStatusCode();
        try
        {
            await using var dashboard = await fixture.OpenAsync();
            await dashboard.Page.GotoAsync("/");

            await Expect(dashboard.Page.Locator("#viewing-closed")).ToBeVisibleAsync();
            await Expect(dashboard.Page.Locator("#view-admin #admin-login")).ToBeVisibleAsync();
            await Expect(dashboard.Page.Locator("#tabs")).ToBeHiddenAsync();
            Assert.Equal(0, await dashboard.Page.Locator("#tiles .tile").CountAsync());

            await dashboard.Page.Locator("#admin-password").FillAsync(SettingsFixture.Password);
            await dashboard.Page.Locator("#admin-login button[type=submit]").ClickAsync();

            await Expect(dashboard.Page.Locator("#viewing-closed")).ToBeHiddenAsync();
            await Expect(dashboard.Tile("weather", "temperature")).ToBeVisibleAsync();
        }
        finally
        {
            (await admin.DeleteAsync("api/admin/settings/viewing")).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task The_settings_view_fits_a_phone_in_English_and_in_Arabic()
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
        await dashboard.OpenAsync();
        await LogInAndOpenSettingsAsync(dashboard);
        await Expect(dashboard.Page.Locator("form[data-sensor='garden'] input[name='intervalSeconds']")).ToHaveValueAsync("0.5");
        await Expect(dashboard.Page.Locator("#site-name")).ToHaveTextAsync("settings test kit");
        await Shot(dashboard, "settings-en.png");
        var english = await dashboard.Page.Locator("#view-settings h2").TextContentAsync();

        Assert.True(await FitsAsync(dashboard.Page), "the English settings view scrolls sideways at phone width");
        await dashboard.ChooseLanguageAsync("ar");
        await Expect(dashboard.Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(dashboard.Page.Locator("#view-settings h2")).Not.ToHaveTextAsync(english!);
        await Expect(dashboard.Page.Locator("form[data-quantity='temperature'] h4")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("حرارة"));
        Assert.True(await FitsAsync(dashboard.Page), "the Arabic settings view scrolls sideways at phone width");
        await Shot(dashboard, "settings-ar.png");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Swahili_changes_every_visible_string_of_the_settings_view()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        await LogInAndOpenSettingsAsync(dashboard);
        var english = await dashboard.Page.EvaluateAsync<string[]>(VisibleTextScript);

        await dashboard.ChooseLanguageAsync("sw");
        await Expect(dashboard.Page.Locator("html")).ToHaveAttributeAsync("lang", "sw");
        await Expect(dashboard.Page.Locator("#view-settings h2")).ToHaveTextAsync("Mipangilio");

        var swahili = await dashboard.Page.EvaluateAsync<string[]>(VisibleTextScript);
        var unchanged = swahili.Intersect(english).ToList();
        Assert.True(swahili.Length > 20, "too little visible text to judge: " + string.Join(" | ", swahili));
        Assert.True(unchanged.Count == 0, "still in English: " + string.Join(" | ", unchanged));
    }

    private static async Task LogInAndOpenSettingsAsync(DashboardPage dashboard)
    {
        await dashboard.ShowAsync("admin");
        await dashboard.Page.Locator("#admin-password").FillAsync(SettingsFixture.Password);
        await dashboard.Page.Locator("#admin-login button[type=submit]").ClickAsync();
        await dashboard.Page.Locator("#settings-link").ClickAsync();
        await Expect(dashboard.Page.Locator("form[data-quantity='temperature']")).ToBeVisibleAsync();
    }

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>Written with the other phone screenshots (<c>DASHBOARD_SCREENSHOTS</c>, e.g. docs/screenshots).</summary>
    private async Task Shot(DashboardPage dashboard, string name)
    {
        var folder = Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured, GatewayUnderTest.RepositoryRoot())
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await dashboard.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine(path);
    }
}
