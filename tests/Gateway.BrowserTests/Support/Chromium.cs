using Microsoft.Playwright;

namespace SmartVillage.Gateway.BrowserTests.Support;

/// <summary>Debian's chromium through Playwright, and phone-size contexts on it.</summary>
public static class Chromium
{
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        Assertions.SetDefaultExpectTimeout(20_000);
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's chromium: Playwright downloads no browser of its own (none can be fetched here or in CI).
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh context at phone size, recording every request so a test can check its host.</summary>
    public static async Task<DashboardPage> OpenPhoneAsync(IBrowser browser, GatewayUnderTest gateway, string locale = "en-US")
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(gateway);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = gateway.BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 1,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        return new DashboardPage(context, page);
    }
}
