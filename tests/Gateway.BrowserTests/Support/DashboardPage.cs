using Microsoft.Playwright;

namespace SmartVillage.Gateway.BrowserTests.Support;

/// <summary>One browser context and its page, with every URL the page asked for.</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly List<string> _requests = [];

    public DashboardPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        context.Request += (_, request) =>
        {
            lock (_requests)
            {
                _requests.Add(request.Url);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Opens the dashboard and waits until the first live update has drawn the tiles.</summary>
    public async Task OpenAsync(string view = "now")
    {
        await Page.GotoAsync("/#" + view);
        await Assertions.Expect(Page.Locator("#tiles .tile").First).ToBeVisibleAsync();
    }

    public ILocator Tile(string sensor, string quantity) =>
        Page.Locator($".tile[data-sensor='{sensor}'][data-quantity='{quantity}']");

    public Task ChooseLanguageAsync(string code) => Page.Locator("#lang").SelectOptionAsync(code);

    public async Task ShowAsync(string view)
    {
        if (view == "admin")
        {
            // Admin is reached from the gateway card of the Now view, not from a tab.
            await ShowAsync("now");
            await Page.Locator("a[href='#admin']").ClickAsync();
        }
        else
        {
            await Page.Locator($"#tabs a[data-view='{view}']").ClickAsync();
        }

        await Assertions.Expect(Page.Locator("#view-" + view)).ToBeVisibleAsync();
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
