using Microsoft.Playwright;
using SmartVillage.Gateway.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SmartVillage.Gateway.BrowserTests;

[Collection(DashboardTests.Name)]
public sealed class WaterViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Water_quality_tiles_appear_with_the_kind_of_each_limit()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();

        await dashboard.ShowAsync("water");

        var water = dashboard.Page.Locator("#water-tiles");
        await Expect(water.Locator(".tile[data-quantity='ph'] .kind")).ToHaveTextAsync("Operational limit");
        await Expect(water.Locator(".tile[data-quantity='tds'] .kind")).ToHaveTextAsync("Taste limit");
        await Expect(water.Locator(".tile[data-quantity='turbidity']")).ToContainTextAsync("WHO");
    }

    [Fact]
    public async Task The_water_view_warns_that_probes_cannot_show_water_is_safe_to_drink()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();

        await dashboard.ShowAsync("water");

        await Expect(dashboard.Page.Locator("#water-disclaimer")).ToContainTextAsync("cannot detect germs");
        await Expect(dashboard.Page.Locator("#view-water")).ToContainTextAsync("No microbial test entered.");
        await Expect(dashboard.Page.Locator("#water-tiles .tile[data-quantity='ph'] .state")).ToHaveTextAsync("Within the usual limit");
    }
}
