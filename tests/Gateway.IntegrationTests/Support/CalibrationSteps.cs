using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>The calibration API as a technician's phone drives it: start, put the probe in, record when stable, compute, apply.</summary>
public static class CalibrationSteps
{
    public static async Task<JsonElement> StartAsync(HttpClient admin, object request)
    {
        using var response = await admin.PostAsJsonAsync("api/calibration/sessions", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    /// <summary>Puts the simulated probe in <paramref name="reference"/> and records the point once the gateway calls it stable.</summary>
    public static async Task<JsonElement> MeasureAsync(HttpClient admin, string sensor, string session, double reference)
    {
        await WaterKitGateway.PlaceAsync(admin, sensor, reference);
        var answer = default(JsonElement);
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await admin.PostAsJsonAsync($"api/calibration/sessions/{session}/points", new { reference });
            answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return true;
            }

            // Waiting for the probe to settle is the only expected refusal here.
            Assert.True(answer.GetProperty("code").GetString() is "not-stable" or "no-reading", answer.ToString());
            await Task.Delay(100);
            return false;
        }, $"point {reference} of {sensor} was recorded", TimeSpan.FromSeconds(60));
        return answer;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path)
    {
        using var response = await client.PostAsync(path, content: null);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static async Task CancelAsync(HttpClient admin, string session)
    {
        using var _ = await admin.DeleteAsync($"api/calibration/sessions/{session}");
    }
}
