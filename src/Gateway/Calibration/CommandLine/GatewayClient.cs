using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartVillage.Gateway.Dashboard.Admin;
using SmartVillage.Gateway.Hosting;

namespace SmartVillage.Gateway.Calibration.CommandLine;

/// <summary>
/// The running gateway's HTTP API as the command line uses it: logs in as admin (cookie and anti-forgery token, like
/// the dashboard) and calls the calibration endpoints. An answer is the value or the gateway's problem, in words.
/// </summary>
public sealed class GatewayClient : IDisposable
{
    private readonly HttpClient _http;
    private string _antiForgeryToken = "";

    public GatewayClient(Uri gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        Address = gateway;
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }, disposeHandler: true)
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public Uri Address { get; }

    /// <returns>Null when logged in; otherwise why not.</returns>
    public async Task<GatewayProblem?> LoginAsync(string password, CancellationToken cancellationToken)
    {
        var (answer, problem) = await SendAsync<AntiForgeryReply>(HttpMethod.Post, "api/admin/login", new LoginRequest(password), cancellationToken).ConfigureAwait(false);
        if (answer is not null)
        {
            _antiForgeryToken = answer.AntiForgeryToken;
        }

        return problem;
    }

    public Task<(T? Value, GatewayProblem? Problem)> GetAsync<T>(string path, CancellationToken cancellationToken)
        where T : class =>
        SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    public Task<(T? Value, GatewayProblem? Problem)> PostAsync<T>(string path, object? body, CancellationToken cancellationToken)
        where T : class =>
        SendAsync<T>(HttpMethod.Post, path, body, cancellationToken);

    public Task<(T? Value, GatewayProblem? Problem)> DeleteAsync<T>(string path, CancellationToken cancellationToken)
        where T : class =>
        SendAsync<T>(HttpMethod.Delete, path, null, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<(T? Value, GatewayProblem? Problem)> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-CSRF-Token", _antiForgeryToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, GatewayHttpJson.Default.GetTypeInfo(body.GetType())
                ?? throw new InvalidOperationException($"{body.GetType()} is not registered in GatewayHttpJson"));
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadFromJsonAsync(GatewayHttpJson.TypeInfo<T>(), cancellationToken).ConfigureAwait(false), null);
            }

            return (null, await ProblemAsync(response, cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException e)
        {
            return (null, new GatewayProblem(0, "unreachable", $"no gateway answers at {Address} ({e.Message}): is it running? (systemctl status smartvillage-gateway)"));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new GatewayProblem(0, "timeout", $"the gateway at {Address} did not answer within {_http.Timeout.TotalSeconds:0} s"));
        }
    }

    private static async Task<GatewayProblem> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync(GatewayHttpJson.Default.ProblemAnswer, cancellationToken).ConfigureAwait(false);
            var retry = response.Headers.RetryAfter?.Delta is { } delta ? $" (wait {delta.TotalSeconds:0} s)" : "";
            return new GatewayProblem(status, problem?.Code ?? "", (problem?.Detail ?? response.ReasonPhrase ?? "failed") + retry);
        }
        catch (JsonException)
        {
            return new GatewayProblem(status, "", $"{status} {response.ReasonPhrase}");
        }
    }

}

/// <summary>The part of a problem+json answer the command line shows.</summary>
internal sealed record ProblemAnswer(string? Detail, string? Code);

/// <summary>What went wrong talking to the gateway: its HTTP status (0 when it did not answer), problem code and detail.</summary>
public sealed record GatewayProblem(int Status, string Code, string Detail);
