using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SmartVillage.Gateway.BrowserTests.Support;

/// <summary>
/// A gateway on the simulated water-quality kit (a good pH probe <c>tank-ph</c>, a worn one at 70 % slope
/// <c>worn-ph</c>, an EC probe, a DS18B20 in the water), its admin password set with the setup code from its log, read
/// every second and calling a reading stable after 2 s; and one headless Debian chromium.
/// </summary>
public sealed partial class CalibrationFixture : IAsyncLifetime
{
    public const string Password = "field officer password";
    private const string Thermometer = "28-0416b3805aff";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sv-calibrate-" + Guid.NewGuid().ToString("N")[..12]);
    private IPlaywright? _playwright;

    public GatewayUnderTest Gateway { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var kit = Path.Combine(_folder, "kit.json");
        await File.WriteAllTextAsync(kit, JsonSerializer.Serialize(new
        {
            Name = "calibration browser kit",
            Hardware = "Simulated",
            Scenario = "clear-day",
            Sensors = new object[]
            {
                new { Id = "tank-temperature", Type = "ds18b20", Interval = "00:00:01", Settings = new { DeviceId = Thermometer, Medium = "water" } },
                Probe("tank-ph", "ads1115-ph", 0),
                Probe("tank-ec", "ads1115-ec", 1),
                Probe("worn-ph", "ads1115-ph", 2, ("SimulatedSlopePercent", "70")),
            },
        }));
        Gateway = await GatewayUnderTest.StartAsync(kit, Path.Combine(_folder, "readings.db"), new Dictionary<string, string>
        {
            ["Calibration__StableWindow"] = "00:00:02",
            ["Calibration__ReadInterval"] = "00:00:00.25",
        });
        var code = await Gateway.WaitForOutputAsync(SetupCode(), TimeSpan.FromSeconds(30));
        using (var http = new HttpClient { BaseAddress = Gateway.BaseAddress })
        using (var setup = await http.PostAsJsonAsync("api/admin/setup", new { code, password = Password }))
        {
            setup.EnsureSuccessStatusCode();
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public Task<DashboardPage> OpenAsync(string locale = "en-US") => Chromium.OpenPhoneAsync(Browser, Gateway, locale);

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

    private static object Probe(string id, string type, int channel, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string> { ["Channel"] = channel.ToString(System.Globalization.CultureInfo.InvariantCulture), ["TemperatureDeviceId"] = Thermometer };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new { Id = id, Type = type, Bus = 1, Address = "0x48", Interval = "00:00:01", Settings = settings };
    }

    [GeneratedRegex("setup code: ([A-Z2-9]{4}-[A-Z2-9]{4})")]
    private static partial Regex SetupCode();
}

[CollectionDefinition(Name)]
public sealed class CalibrationTests : ICollectionFixture<CalibrationFixture>
{
    public const string Name = "calibration";
}
