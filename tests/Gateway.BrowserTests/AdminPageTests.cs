using Microsoft.Playwright;
using SmartVillage.Gateway.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SmartVillage.Gateway.BrowserTests;

[Collection(DashboardTests.Name)]
public sealed class AdminPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_gateway_without_a_password_asks_for_the_setup_code()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();

        await dashboard.ShowAsync("admin");

        await Expect(dashboard.Page.Locator("#admin-setup #admin-code")).ToBeVisibleAsync();
        await Expect(dashboard.Page.Locator("#admin-login")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_wrong_setup_code_is_refused_on_the_page()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        await dashboard.ShowAsync("admin");

        await dashboard.Page.Locator("#admin-code").FillAsync("AAAA-AAAA");
        await dashboard.Page.Locator("#admin-setup-password").FillAsync("a long enough password");
        await dashboard.Page.Locator("#admin-setup button[type=submit]").ClickAsync();

        await Expect(dashboard.Page.Locator("#admin-message")).ToHaveTextAsync("Wrong code or password.");
        await Expect(dashboard.Page.Locator("#admin-setup")).ToBeVisibleAsync();
    }
}
