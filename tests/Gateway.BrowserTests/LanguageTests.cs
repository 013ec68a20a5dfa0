using Microsoft.Playwright;
using SmartVillage.Gateway.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SmartVillage.Gateway.BrowserTests;

[Collection(DashboardTests.Name)]
public sealed class LanguageTests(DashboardFixture fixture)
{
    private static readonly string[] Views = ["now", "water", "history", "export", "admin"];

    /// <summary>Text nodes a person can see, outside anything marked <c>translate="no"</c> (values, units, sensor ids).</summary>
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
    public async Task Arabic_lays_the_page_out_right_to_left()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();

        await dashboard.ChooseLanguageAsync("ar");

        await Expect(dashboard.Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(dashboard.Page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        var title = await dashboard.Page.Locator(".top h1").BoundingBoxAsync();
        var picker = await dashboard.Page.Locator("#lang").BoundingBoxAsync();
        Assert.True(title!.X > picker!.X, "in right-to-left the title sits right of the language picker");
    }

    [Fact]
    public async Task The_browser_language_chooses_the_page_language()
    {
        await using var dashboard = await fixture.OpenAsync(locale: "fr-FR");
        await dashboard.OpenAsync();

        await Expect(dashboard.Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(dashboard.Page.Locator("#tabs a[data-view='now']")).ToHaveTextAsync("Maintenant");
    }

    [Fact]
    public async Task Swahili_changes_every_visible_string()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        var english = new Dictionary<string, string[]>();
        foreach (var view in Views)
        {
            await dashboard.ShowAsync(view);
            english[view] = await dashboard.Page.EvaluateAsync<string[]>(VisibleTextScript);
        }

        await dashboard.ChooseLanguageAsync("sw");
        await Expect(dashboard.Page.Locator("html")).ToHaveAttributeAsync("lang", "sw");

        foreach (var view in Views)
        {
            await dashboard.ShowAsync(view);
            var swahili = await dashboard.Page.EvaluateAsync<string[]>(VisibleTextScript);
            var unchanged = swahili.Intersect(english[view]).ToList();
            Assert.True(swahili.Length > 0, $"no visible text in the {view} view");
            Assert.True(unchanged.Count == 0, $"{view} view still shows in English: {string.Join(" | ", unchanged)}");
        }
    }

    [Fact]
    public async Task The_chosen_language_is_kept_for_the_next_visit()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        await dashboard.ChooseLanguageAsync("hi");
        await Expect(dashboard.Page.Locator("html")).ToHaveAttributeAsync("lang", "hi");

        await dashboard.Page.ReloadAsync();

        await Expect(dashboard.Page.Locator("html")).ToHaveAttributeAsync("lang", "hi");
    }
}
