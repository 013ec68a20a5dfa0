using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>
/// One gateway process on the simulated water-quality kit, shared by the calibration tests, with its admin password set
/// through the setup code from its log (as an installer would). Sensors are read every second and a reading counts as
/// stable after 2 s, so a calibration takes seconds. Probes, all on ADS1115s, with a DS18B20 in the same water:
/// <c>tank-ph</c> (98 % slope, +8 mV), <c>worn-ph</c> (70 % slope), <c>tank-ec</c> (cell constant 1.1 times nominal,
/// none configured), <c>cli-ph</c> and <c>cli-worn-ph</c> (70 %) for the command-line tests.
/// </summary>
public sealed partial class WaterKitGateway : IAsyncLifetime
{
    public const string Password = "calibration admin password";
    private const string Thermometer = "28-0416b3805aff";
    private readonly string _folder = Directory.CreateTempSubdirectory("sv-calibration-").FullName;

    public GatewayProcess Gateway { get; private set; } = null!;

    public string DatabaseFile => Path.Combine(_folder, "readings.db");

    public async Task InitializeAsync()
    {
        var kit = KitFiles.Write(_folder, "kit.json", JsonSerializer.Serialize(new
        {
            Name = "calibration test kit",
            Hardware = "Simulated",
            Scenario = "clear-day",
            Sensors = new object[]
            {
                new { Id = "tank-temperature", Type = "ds18b20", Interval = "00:00:01", Settings = new { DeviceId = Thermometer, Medium = "water" } },
                Probe("tank-ph", "ads1115-ph", "0x48", 0),
                Probe("tank-ec", "ads1115-ec", "0x48", 1, ("SimulatedCellConstant", "1.1")),
                Probe("worn-ph", "ads1115-ph", "0x48", 2, ("SimulatedSlopePercent", "70")),
                Probe("cli-ph", "ads1115-ph", "0x49", 0),
                Probe("cli-worn-ph", "ads1115-ph", "0x49", 1, ("SimulatedSlopePercent", "70")),
            },
        }));
        Gateway = GatewayProcess.Start(kit, DatabaseFile, new Dictionary<string, string>
        {
            ["Calibration__StableWindow"] = "00:00:02",
            ["Calibration__ReadInterval"] = "00:00:00.25",
        });
        var code = await SetupCodeAsync();
        using var http = new HttpClient { BaseAddress = Gateway.BaseAddress };
        using var setup = await http.PostAsJsonAsync("api/admin/setup", new { code, password = Password });
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
    }

    /// <summary>A client logged in as admin, sending the anti-forgery token with every request.</summary>
    public async Task<HttpClient> AdminAsync()
    {
        var client = Anonymous(new CookieContainer());
        using var login = await client.PostAsJsonAsync("api/admin/login", new { password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("antiForgeryToken").GetString();
        client.DefaultRequestHeaders.Add("X-CSRF-Token", token);
        return client;
    }

    /// <summary>A client with no admin session (or with <paramref name="cookies"/> of one, but no anti-forgery header).</summary>
    public HttpClient Anonymous(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer() }, disposeHandler: true) { BaseAddress = Gateway.BaseAddress };

    /// <summary>Puts a simulated probe into a solution (buffer pH or standard µS/cm), or back into the water with null.</summary>
    public static async Task PlaceAsync(HttpClient admin, string sensor, double? solution)
    {
        using var response = await admin.PostAsJsonAsync($"api/simulation/probes/{sensor}",
            solution is { } value ? (object)new { solution = value } : new { water = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
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

    private static object Probe(string id, string type, string address, int channel, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string> { ["Channel"] = channel.ToString(System.Globalization.CultureInfo.InvariantCulture), ["TemperatureDeviceId"] = Thermometer };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new { Id = id, Type = type, Bus = 1, Address = address, Interval = "00:00:01", Settings = settings };
    }

    private async Task<string> SetupCodeAsync()
    {
        var code = "";
        await Eventually.HoldsAsync(() =>
        {
            if (Gateway.HasExited)
            {
                throw new InvalidOperationException("The gateway exited:\n" + Gateway.Output);
            }

            code = SetupCode().Match(Gateway.Output) is { Success: true } match ? match.Groups[1].Value : "";
            return code.Length > 0;
        }, "the gateway printed its setup code", TimeSpan.FromSeconds(60));
        await Eventually.HoldsAsync(async () => await Gateway.StatusAsync() is not null, "the gateway serves HTTP", TimeSpan.FromSeconds(60));
        return code;
    }

    [GeneratedRegex("setup code: ([A-Z2-9]{4}-[A-Z2-9]{4})")]
    private static partial Regex SetupCode();
}

[CollectionDefinition(Name)]
public sealed class CalibrationTests : ICollectionFixture<WaterKitGateway>
{
    public const string Name = "calibration";
}
