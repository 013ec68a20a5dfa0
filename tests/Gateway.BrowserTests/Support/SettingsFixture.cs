using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SmartVillage.Gateway.BrowserTests.Support;

/// <summary>
/// A gateway of its own whose admin password is set (from the setup code in its log), with two simulated weather
/// sensors, and one headless Debian chromium. One setting comes from the environment, as a technician might pin it:
/// the admin page must refuse to change it. The gateway can be restarted on the same folder.
/// </summary>
public sealed partial class SettingsFixture : IAsyncLifetime
{
    public const string Password = "settings admin password";

    /// <summary>Pinned in the environment: <c>Kit__Dashboard__LimitOverrides__ph__ActBelow</c>.</summary>
    public const string PinnedQuantity = "ph";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sv-settings-" + Guid.NewGuid().ToString("N")[..12]);
    private IPlaywright? _playwright;
    private string _kit = "";

    public GatewayUnderTest Gateway { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string Folder => _folder;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _kit = Path.Combine(_folder, "kit.json");
        await File.WriteAllTextAsync(_kit, JsonSerializer.Serialize(new
        {
            Name = "settings test kit",
            Hardware = "Simulated",
            Scenario = "clear-day",
            Sensors = new object[]
            {
                new { Id = "weather", Type = "bme280", Bus = 1, Address = "0x76", Interval = "00:00:00.5" },
                new { Id = "garden", Type = "bme280", Bus = 1, Address = "0x77", Interval = "00:00:00.5" },
            },
        }));
        await StartAsync();
        var code = await Gateway.WaitForOutputAsync(SetupCodePattern(), TimeSpan.FromSeconds(30));
        using var client = LoopbackClient.Create(Gateway.BaseAddress, 2);
        using var setup = await client.PostAsJsonAsync("api/admin/setup", new { code, password = Password });
        setup.EnsureSuccessStatusCode();

        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public Task<AdminClient> LoginAsync(int host) => AdminClient.LoginAsync(Gateway.BaseAddress, host, Password);

    public HttpClient Anonymous(int host) => LoopbackClient.Create(Gateway.BaseAddress, host);

    /// <summary>Stops the gateway (SIGKILL: no chance to write anything more) and starts it again on the same files.</summary>
    public async Task RestartAsync()
    {
        await Gateway.DisposeAsync();
        await StartAsync();
    }

    /// <summary>A fresh context at phone size, as <see cref="DashboardFixture.OpenAsync"/>.</summary>
    public async Task<DashboardPage> OpenAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Gateway.BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 1,
        });
        context.SetDefaultTimeout(20_000);
        return new DashboardPage(context, await context.NewPageAsync());
    }

    private async Task StartAsync() =>
        Gateway = await GatewayUnderTest.StartAsync(_kit, Path.Combine(_folder, "readings.db"), new Dictionary<string, string>
        {
            [$"Kit__Dashboard__LimitOverrides__{PinnedQuantity}__ActBelow"] = "5",
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the OS temp cleaner takes it.
        }
    }

    [GeneratedRegex("setup code: ([A-Z2-9]{4}-[A-Z2-9]{4})")]
    private static partial Regex SetupCodePattern();
}

[CollectionDefinition(Name)]
public sealed class SettingsTests : ICollectionFixture<SettingsFixture>
{
    public const string Name = "settings";
}
