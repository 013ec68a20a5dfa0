using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartVillage.Gateway.BrowserTests.Support;

namespace SmartVillage.Gateway.BrowserTests;

/// <summary>Admin login against the real gateway process, over HTTP as the page's script would call it.</summary>
[Collection(AdminTests.Name)]
public sealed class AdminLoginTests(AdminFixture fixture)
{
    [Fact]
    public async Task An_admin_action_without_login_is_refused()
    {
        using var client = fixture.ClientFrom(10);

        using var response = await client.PostAsJsonAsync("api/admin/password", new { currentPassword = AdminFixture.Password, newPassword = "taken over password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_action_without_the_anti_forgery_token_is_refused()
    {
        using var client = fixture.ClientFrom(11);
        using var login = await client.PostAsJsonAsync("api/admin/login", new { password = AdminFixture.Password });
        login.EnsureSuccessStatusCode();

        using var response = await client.PostAsJsonAsync("api/admin/logout", new { });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_logged_in_admin_with_the_anti_forgery_token_is_allowed()
    {
        using var client = fixture.ClientFrom(12);
        using var login = await client.PostAsJsonAsync("api/admin/login", new { password = AdminFixture.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("antiForgeryToken").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/admin/logout") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-CSRF-Token", token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task The_setup_code_from_the_log_works_once()
    {
        using var client = fixture.ClientFrom(13);

        using var again = await client.PostAsJsonAsync("api/admin/setup", new { code = fixture.SetupCode, password = "another password" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (fixture.FirstSetup, again.StatusCode));
    }

    [Fact]
    public async Task Repeated_wrong_passwords_are_slowed_down()
    {
        using var client = fixture.ClientFrom(14);
        using var wrong = await client.PostAsJsonAsync("api/admin/login", new { password = "guess number one" });

        using var next = await client.PostAsJsonAsync("api/admin/login", new { password = AdminFixture.Password });

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests), (wrong.StatusCode, next.StatusCode));
        Assert.True(next.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task The_session_cookie_is_HttpOnly_and_SameSite_strict()
    {
        using var client = fixture.ClientFrom(15);

        using var login = await client.PostAsJsonAsync("api/admin/login", new { password = AdminFixture.Password });

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_login_posted_as_a_form_from_another_site_is_refused()
    {
        using var client = fixture.ClientFrom(16);

        using var response = await client.PostAsync("api/admin/login", new FormUrlEncodedContent([new("password", AdminFixture.Password)]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
