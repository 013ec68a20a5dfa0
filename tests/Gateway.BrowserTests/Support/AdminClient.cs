using System.Net.Http.Json;
using System.Text.Json;

namespace SmartVillage.Gateway.BrowserTests.Support;

/// <summary>A logged-in admin as the page's script is one: the session cookie, and the anti-forgery token it echoes.</summary>
public sealed class AdminClient(HttpClient http, string token) : IDisposable
{
    public HttpClient Http { get; } = http;

    public string Token { get; } = token;

    public static async Task<AdminClient> LoginAsync(Uri baseAddress, int host, string password)
    {
        var http = LoopbackClient.Create(baseAddress, host);
        using var login = await http.PostAsJsonAsync("api/admin/login", new { password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("antiForgeryToken").GetString()!;
        return new AdminClient(http, token);
    }

    public Task<HttpResponseMessage> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, JsonContent.Create(body));

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<JsonElement> SettingsAsync() => await Http.GetFromJsonAsync<JsonElement>("api/admin/settings");

    public async Task<JsonElement> NowTileAsync(string sensor, string quantity)
    {
        var now = await Http.GetFromJsonAsync<JsonElement>("api/now");
        return now.GetProperty("tiles").EnumerateArray()
            .First(t => t.GetProperty("sensor").GetString() == sensor && t.GetProperty("quantity").GetString() == quantity);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-CSRF-Token", Token);
        return await Http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();
}
