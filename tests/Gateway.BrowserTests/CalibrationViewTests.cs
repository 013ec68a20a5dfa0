using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartVillage.Gateway.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SmartVillage.Gateway.BrowserTests;

/// <summary>The field officer's calibration workflow on a phone-size screen, against the simulated water-quality kit.</summary>
[Collection(CalibrationTests.Name)]
public sealed class CalibrationViewTests(CalibrationFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_ph_probe_is_calibrated_in_three_buffers_step_by_step_and_applied()
    {
        await using var phone = await fixture.OpenAsync();
        var page = phone.Page;
        await LogInAsync(page);

        await page.Locator("#cal-sensor").SelectOptionAsync("tank-ph");
        await page.Locator("#cal-set").SelectOptionAsync("technical");
        await page.Locator("#cal-points").SelectOptionAsync("3");
        await page.Locator("#cal-note").FillAsync("electrode SN 1234, buffer lot 77");
        await page.Locator("#cal-start").ClickAsync();

        string[] buffers = ["7.00", "4.01", "10.01"];
        for (var step = 0; step < buffers.Length; step++)
        {
            await Expect(page.Locator("#cal-step")).ToContainTextAsync($"Step {step + 1} of 3");
            await Expect(page.Locator("#cal-instruction")).ToHaveTextAsync($"Rinse the probe in clean water, then put it in the pH {buffers[step]} buffer.");
            await Expect(page.Locator("#cal-record")).ToBeDisabledAsync();
            await page.Locator("#cal-sim").ClickAsync(); // The simulated probe goes into the buffer, as the officer's hand would.
            await Expect(page.Locator("#cal-stability")).ToHaveAttributeAsync("data-stable", "true");
            await Expect(page.Locator("#cal-stability")).ToHaveTextAsync("✓ Stable: record this point");
            await Expect(page.Locator("#cal-raw-unit")).ToHaveTextAsync("mV");
            if (step == 1)
            {
                await ShotAsync(page, "calibration-step-en.png");
            }

            await page.Locator("#cal-record").ClickAsync();
        }

        await Expect(page.Locator("#cal-verdict")).ToHaveTextAsync("✓ The probe passed the checks.");
        await Expect(page.Locator("#cal-result")).ToContainTextAsync(new Regex(@"Acid side · slope \(of ideal\)\s*9[78]\.\d %"));
        await Expect(page.Locator("#cal-result")).ToContainTextAsync(new Regex(@"offset at pH 7\s*[78]\.\d mV"));
        await ShotAsync(page, "calibration-result-en.png");
        await page.Locator("#cal-apply").ClickAsync();

        await Expect(page.Locator("#cal-done")).ToContainTextAsync(new Regex(@"^Applied\. Readings from now on use calibration tank-ph@\d{8}T\d{6}Z\.$"));
        await page.Locator("#cal-sim-water").ClickAsync();
        await page.Locator("#cal-back").ClickAsync();
        await Expect(page.Locator("#cal-status")).ToContainTextAsync("Calibrated on");
    }

    [Fact]
    public async Task A_worn_probe_is_refused_on_the_phone_with_the_reason_and_nothing_is_applied()
    {
        await using var phone = await fixture.OpenAsync();
        var page = phone.Page;
        await LogInAsync(page);

        await page.Locator("#cal-sensor").SelectOptionAsync("worn-ph");
        await page.Locator("#cal-points").SelectOptionAsync("2");
        await page.Locator("#cal-start").ClickAsync();
        for (var step = 1; step <= 2; step++)
        {
            await Expect(page.Locator("#cal-step")).ToContainTextAsync($"Step {step} of 2");
            await page.Locator("#cal-sim").ClickAsync();
            await Expect(page.Locator("#cal-stability")).ToHaveAttributeAsync("data-stable", "true");
            await page.Locator("#cal-record").ClickAsync();
        }

        await Expect(page.Locator("#cal-verdict")).ToHaveTextAsync("✗ Refused: this calibration cannot be applied.");
        await Expect(page.Locator("#cal-reason")).ToHaveTextAsync(
            "Electrode: slope 70.0 % of ideal is outside 85–105 %. Clean, soak or replace the electrode.");
        await Expect(page.Locator("#cal-apply")).ToHaveCountAsync(0);
        await page.Locator("#cal-again").ClickAsync();
        await Expect(page.Locator("#cal-status")).ToHaveTextAsync("Never calibrated");
    }

    [Fact]
    public async Task Calibrating_needs_the_admin_login_and_speaks_the_chosen_language()
    {
        await using var phone = await fixture.OpenAsync();
        var page = phone.Page;
        await page.GotoAsync("/#calibrate");

        await Expect(page.Locator("#cal-password")).ToBeVisibleAsync();
        await Expect(page.Locator("#cal-start")).ToHaveCountAsync(0);
        await phone.ChooseLanguageAsync("sw");
        await Expect(page.Locator("#view-calibrate h2")).ToHaveTextAsync("Rekebisha kihisi");
        await Expect(page.Locator("#view-calibrate p.muted")).ToHaveTextAsync(
            "Kurekebisha hubadilisha jinsi vipimo vinavyohesabiwa: ingia kwanza kama msimamizi.");
    }

    private static async Task LogInAsync(IPage page)
    {
        await page.GotoAsync("/#calibrate");
        await page.Locator("#cal-password").FillAsync(CalibrationFixture.Password);
        await page.Locator("#cal-login button[type=submit]").ClickAsync();
        await Expect(page.Locator("#cal-start")).ToBeVisibleAsync();
    }

    /// <summary>Phone-size pictures for docs/dashboard.md, written where the other screenshots go (<c>DASHBOARD_SCREENSHOTS</c>).</summary>
    private async Task ShotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured, GatewayUnderTest.RepositoryRoot())
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine(path);
    }
}
