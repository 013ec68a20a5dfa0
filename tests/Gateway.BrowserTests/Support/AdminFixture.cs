using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmartVillage.Gateway.BrowserTests.Support;

/// <summary>
/// A fresh gateway of its own (no admin password yet) whose first password the fixture sets with the setup code
/// read from the gateway's log, as an installer would. Clients connect from distinct loopback addresses so each
/// test has its own login throttle.
/// </summary>
public sealed partial class AdminFixture : IAsyncLifetime
{
    public const string Password = "first admin password";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sv-admin-" + Guid.NewGuid().ToString("N")[..12]);

    public GatewayUnderTest Gateway { get; private set; } = null!;

    public string SetupCode { get; private set; } = "";

    public HttpStatusCode FirstSetup { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var kit = Path.Combine(_folder, "kit.json");
        await File.WriteAllTextAsync(kit, JsonSerializer.Serialize(new
        {
            Name = "admin test kit",
            Hardware = "Simulated",
            Sensors = new object[] { new { Id = "weather", Type = "bme280", Bus = 1, Address = "0x76", Interval = "00:00:05" } },
        }));
        Gateway = await GatewayUnderTest.StartAsync(kit, Path.Combine(_folder, "readings.db"));
        SetupCode = await Gateway.WaitForOutputAsync(SetupCodePattern(), TimeSpan.FromSeconds(30));
        using var client = ClientFrom(2);
        using var response = await client.PostAsJsonAsync("api/admin/setup", new { code = SetupCode, password = Password });
        FirstSetup = response.StatusCode;
    }

    /// <summary>An HTTP client whose connections come from 127.0.0.<paramref name="host"/>, keeping cookies.</summary>
    public HttpClient ClientFrom(int host)
    {
        var source = IPAddress.Parse($"127.0.0.{host}");
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = Gateway.BaseAddress };
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

    [GeneratedRegex("setup code: ([A-Z2-9]{4}-[A-Z2-9]{4})")]
    private static partial Regex SetupCodePattern();
}

[CollectionDefinition(Name)]
public sealed class AdminTests : ICollectionFixture<AdminFixture>
{
    public const string Name = "admin";
}
