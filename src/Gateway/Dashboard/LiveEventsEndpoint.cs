using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using SmartVillage.Gateway.Hosting;
using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// <c>GET /api/events</c>: Server-Sent Events. A <c>now</c> event with the whole snapshot at once, then after each
/// commit (at most one per <see cref="DashboardOptions.LiveUpdateInterval"/>) and at least every
/// <see cref="DashboardOptions.LiveHeartbeat"/>, and at once when an admin changes a setting (new tile states).
/// The stream ends when viewing is closed to a browser without a session. The browser's EventSource reconnects by itself.
/// </summary>
public static class LiveEventsEndpoint
{
    public static IEndpointRouteBuilder MapLiveEvents(this IEndpointRouteBuilder endpoints, NowSnapshotBuilder snapshots, CommitSignal commits, LiveDashboardSettings settings, ViewingGate gate, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(gate);
        endpoints.MapGet("/api/events", async (HttpContext context, IHostApplicationLifetime lifetime) =>
        {
            var response = context.Response;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache, no-transform";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            var token = stop.Token;
            try
            {
                await response.WriteAsync("retry: 3000\n\n", token);
                while (!token.IsCancellationRequested && gate.Allows(context))
                {
                    var snapshot = snapshots.Build();
                    await response.WriteAsync("event: now\ndata: " + JsonSerializer.Serialize(snapshot, GatewayHttpJson.Default.NowSnapshot) + "\n\n", token);
                    await response.Body.FlushAsync(token);
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
                    // Taken before the pause, so a change made during it is not missed.
                    var changed = settings.WaitForChangeAsync(wait.Token);
                    var options = settings.Options;
                    await Task.Delay(options.LiveUpdateInterval, time, token);
                    var heartbeat = Task.Delay(options.LiveHeartbeat, time, wait.Token);
                    await Task.WhenAny(commits.WaitBeyondAsync(snapshot.LastSequence, wait.Token), heartbeat, changed);
                    await wait.CancelAsync();
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // The browser went away or the gateway is stopping: the stream simply ends.
            }
        });
        return endpoints;
    }
}
