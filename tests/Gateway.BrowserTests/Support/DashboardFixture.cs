using System.Text.Json;
using Microsoft.Playwright;

namespace SmartVillage.Gateway.BrowserTests.Support;

/// <summary>
/// One gateway (simulated weather kit read twice a second, its uplink down, over a database seeded with a week of soil readings and a
/// well's water quality) and one headless Debian chromium, shared by the collection. Each test opens its own
/// browser context.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sv-browser-" + Guid.NewGuid().ToString("N")[..12]);
    private IPlaywright? _playwright;

    public GatewayUnderTest Gateway { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public SeededWeek Week { get; private set; } = null!;

    public string DatabaseFile => Path.Combine(_folder, "readings.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Week = await SeededReadings.WriteAsync(DatabaseFile);
        var kit = Path.Combine(_folder, "kit.json");
        await File.WriteAllTextAsync(kit, JsonSerializer.Serialize(new
        {
            Name = "browser test kit",
            Hardware = "Simulated",
            Scenario = "clear-day",
            Sensors = new object[] { new { Id = "weather", Type = "bme280", Bus = 1, Address = "0x76", Interval = "00:00:00.5" } },
            // A LoRaWAN node that never reports: health names it.
            Nodes = new object[] { new { Id = "plot-7", Name = "plot 7 soil probe", DevEui = "0011223344556677", ReportInterval = "00:15:00" } },
            // A broker that is not there: the uplink stays down and every reading waits, as in a village without signal.
            Upstreams = new object[] { new { Name = "coop", Host = "127.0.0.1", Port = ClosedPort(), ReconnectMaxDelay = "00:00:02" } },
        }));
        Gateway = await GatewayUnderTest.StartAsync(kit, DatabaseFile);

        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A fresh context at phone size, in English, recording every request so a test can check its host.</summary>
    public async Task<DashboardPage> OpenAsync(string locale = "en-US")
    {
        return await Chromium.OpenPhoneAsync(Browser, Gateway, locale);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

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
}

[CollectionDefinition(Name)]
public sealed class DashboardTests : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
