using Microsoft.Playwright;
using SmartVillage.Gateway.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SmartVillage.Gateway.BrowserTests;

[Collection(DashboardTests.Name)]
public sealed class PageWeightAndScreenshotTests(DashboardFixture fixture, ITestOutputHelper output)
{
    /// <summary>The design target for a cheap phone on a weak link (domain reference §4).</summary>
    private const int MaxFirstViewBytes = 200 * 1024;

    [Fact]
    public async Task The_first_view_transfers_less_than_200_KB()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();

        // Everything the first view fetched, as it crossed the wire (compressed bodies plus headers); the live
        // event stream is still open and not counted.
        var bytes = await dashboard.Page.EvaluateAsync<long>("""
            () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                   .reduce((sum, e) => sum + e.transferSize, 0)
            """);
        output.WriteLine($"first view: {bytes} bytes transferred");

        Assert.InRange(bytes, 1, MaxFirstViewBytes);
    }

    /// <summary>
    /// Phone-size pictures of the main views, for the README. Written to <c>DASHBOARD_SCREENSHOTS</c> when set
    /// (e.g. <c>docs/screenshots</c>), else to the test's output folder.
    /// </summary>
    [Fact]
    public async Task Phone_screenshots_of_the_main_views_can_be_taken()
    {
        var folder = Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured, GatewayUnderTest.RepositoryRoot())
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        await Expect(dashboard.Tile(SeededReadings.SoilProbe, "soil-moisture")).ToBeVisibleAsync();

        await Shot(dashboard, folder, "now-en.png");
        await dashboard.ShowAsync("water");
        await Expect(dashboard.Page.Locator("#water-tiles .tile").First).ToBeVisibleAsync();
        await Shot(dashboard, folder, "water-en.png");
        await dashboard.ShowAsync("history");
        await dashboard.Page.Locator("#history-series").SelectOptionAsync($"{SeededReadings.SoilProbe}|soil-moisture");
        await dashboard.Page.Locator("#ranges button[data-range='week']").ClickAsync();
        await Expect(dashboard.Page.Locator("#chart svg[data-buckets]")).ToHaveAttributeAsync("data-buckets", new System.Text.RegularExpressions.Regex("^1[6-7][0-9]$"));
        await Shot(dashboard, folder, "history-week-en.png");
        await dashboard.ShowAsync("export");
        await Shot(dashboard, folder, "export-en.png");
        await dashboard.ShowAsync("admin");
        await Expect(dashboard.Page.Locator("#admin-setup")).ToBeVisibleAsync();
        await Shot(dashboard, folder, "admin-setup-en.png");
        await dashboard.ChooseLanguageAsync("ar");
        await Expect(dashboard.Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await dashboard.ShowAsync("now");
        await Shot(dashboard, folder, "now-ar.png");
        await dashboard.ChooseLanguageAsync("sw");
        await Expect(dashboard.Page.Locator("html")).ToHaveAttributeAsync("lang", "sw");
        await Shot(dashboard, folder, "now-sw.png");

        string[] taken = ["now-en.png", "water-en.png", "history-week-en.png", "export-en.png", "admin-setup-en.png", "now-ar.png", "now-sw.png"];
        Assert.All(taken, name => Assert.True(File.Exists(Path.Combine(folder, name)), name));
    }

    private async Task Shot(DashboardPage dashboard, string folder, string name)
    {
        var path = Path.Combine(folder, name);
        await dashboard.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine(path);
    }
}
