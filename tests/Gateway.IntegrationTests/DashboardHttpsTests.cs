using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SmartVillage.Gateway.IntegrationTests.Support;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>The dashboard over HTTPS with a cooperative's own certificate: real TLS from a real gateway process.</summary>
public sealed partial class DashboardHttpsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DashboardCertificate _certificate;
    private readonly string _kit;

    public DashboardHttpsTests()
    {
        _certificate = DashboardCertificate.Create(_folder.Path);
        _kit = KitFiles.Write(_folder.Path, "kit.json", """
            { "Name": "https kit", "Hardware": "Simulated",
              "Sensors": [ { "Id": "weather", "Type": "bme280", "Bus": 1, "Address": "0x76", "Interval": "00:00:01" } ] }
            """);
    }

    [Fact]
    public async Task The_dashboard_is_served_over_HTTPS_with_the_configured_PEM_certificate_and_HTTP_stays()
    {
        var port = FreePort.Next();
        await using var gateway = Start(port, new()
        {
            ["Dashboard__Https__CertificateFile"] = _certificate.CertificateFile,
            ["Dashboard__Https__KeyFile"] = _certificate.KeyFile,
        });
        byte[]? presented = null;
        using var https = _certificate.Client(new Uri($"https://127.0.0.1:{port}/"), c => presented = c.RawData);

        await WaitUntilServingAsync(https, gateway);
        using var page = await https.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(_certificate.Certificate.RawData, presented);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.NotNull(await gateway.StatusAsync());
        Assert.Contains(Fingerprint(), gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_cookie_is_Secure_over_HTTPS_and_only_there()
    {
        var port = FreePort.Next();
        await using var gateway = Start(port, new()
        {
            ["Dashboard__Https__CertificateFile"] = _certificate.CertificateFile,
            ["Dashboard__Https__KeyFile"] = _certificate.KeyFile,
        });
        using var https = _certificate.Client(new Uri($"https://127.0.0.1:{port}/"));
        await WaitUntilServingAsync(https, gateway);
        var code = SetupCode().Match(gateway.Output).Groups[1].Value;

        using var setup = await https.PostAsJsonAsync("api/admin/setup", new { code, password = "https admin password" });
        using var http = new HttpClient { BaseAddress = gateway.HttpAddress };
        using var login = await http.PostAsJsonAsync("api/admin/login", new { password = "https admin password" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (setup.StatusCode, login.StatusCode));
        Assert.Contains("secure", setup.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", login.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Plain_HTTP_redirects_to_HTTPS_when_asked()
    {
        var port = FreePort.Next();
        await using var gateway = Start(port, new()
        {
            ["Dashboard__Https__CertificateFile"] = _certificate.CertificateFile,
            ["Dashboard__Https__KeyFile"] = _certificate.KeyFile,
            ["Dashboard__Https__RedirectHttp"] = "true",
        });
        using var https = _certificate.Client(new Uri($"https://127.0.0.1:{port}/"));
        await WaitUntilServingAsync(https, gateway);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = gateway.HttpAddress };

        using var response = await http.GetAsync("api/now?x=1");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri($"https://127.0.0.1:{port}/api/now?x=1"), response.Headers.Location);
    }

    [Fact]
    public async Task A_PKCS12_certificate_opens_with_its_password_from_the_environment()
    {
        var port = FreePort.Next();
        await using var gateway = Start(port, new()
        {
            ["Dashboard__Https__CertificateFile"] = _certificate.PfxFile,
            ["Dashboard__Https__CertificatePassword"] = DashboardCertificate.PfxPassword,
        });
        byte[]? presented = null;
        using var https = _certificate.Client(new Uri($"https://127.0.0.1:{port}/"), c => presented = c.RawData);

        await WaitUntilServingAsync(https, gateway);

        Assert.Equal(_certificate.Certificate.RawData, presented);
        Assert.DoesNotContain(DashboardCertificate.PfxPassword, gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_or_a_missing_file_stops_the_start_naming_the_key()
    {
        await using var wrongPassword = Start(FreePort.Next(), new()
        {
            ["Dashboard__Https__CertificateFile"] = _certificate.PfxFile,
            ["Dashboard__Https__CertificatePassword"] = "not the password",
        });
        await using var missing = Start(FreePort.Next(), new()
        {
            ["Dashboard__Https__CertificateFile"] = _folder.File("nowhere.pem"),
        });

        Assert.Equal(2, await wrongPassword.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(2, await missing.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Dashboard:Https:CertificateFile", wrongPassword.Output, StringComparison.Ordinal);
        Assert.Contains("cannot be loaded", wrongPassword.Output, StringComparison.Ordinal);
        Assert.Contains($"Dashboard:Https:CertificateFile: '{_folder.File("nowhere.pem")}' was not found", missing.Output, StringComparison.Ordinal);
    }

    private GatewayProcess Start(int httpsPort, Dictionary<string, string> settings)
    {
        settings["Dashboard__Https__Url"] = $"https://127.0.0.1:{httpsPort}";
        return GatewayProcess.Start(_kit, _folder.File($"readings-{httpsPort}.db"), settings);
    }

    private static Task WaitUntilServingAsync(HttpClient https, GatewayProcess gateway) =>
        Eventually.HoldsAsync(async () =>
        {
            Assert.False(gateway.HasExited, "the gateway exited:\n" + gateway.Output);
            try
            {
                using var response = await https.GetAsync("api/now");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the dashboard answered over HTTPS");

    private string Fingerprint() =>
        string.Join(':', Convert.ToHexString(_certificate.Certificate.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(c => new string(c)));

    [GeneratedRegex("setup code: ([A-Z2-9]{4}-[A-Z2-9]{4})")]
    private static partial Regex SetupCode();

    public void Dispose()
    {
        _certificate.Dispose();
        _folder.Dispose();
    }
}
