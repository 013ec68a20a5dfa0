using System.Buffers;
using System.Net;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Storage;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition.WifiNodes;

/// <summary>
/// The embedded MQTT broker for local Wi-Fi nodes. Each node logs in with its own username and password, may publish
/// only to its own topic, and may not subscribe (nodes have nothing to learn from each other's data). A publish is
/// acknowledged after its readings are committed, so a node that retries on a missing PUBACK loses nothing.
/// </summary>
public sealed partial class WifiBrokerService(
    KitOptions kit,
    NodeIngestor ingestor,
    WifiBrokerStatus status,
    TimeProvider time,
    ILogger<WifiBrokerService> logger) : IHostedService, IDisposable
{
    private const string Source = "wifi";
    private readonly Dictionary<string, (WifiNodeOptions Node, PasswordHash Hash)> _accounts = new(StringComparer.Ordinal);
    private readonly LoginThrottle _throttle = new(time);
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (kit.WifiBroker is not { Enabled: true } options)
        {
            return;
        }

        foreach (var node in options.Nodes)
        {
            _accounts[node.Username] = (node, PasswordHash.Create(node.Password ?? ""));
            // Hashed: the plain text is not kept in the options object the rest of the gateway can reach.
            node.Password = null;
        }

        var address = IPAddress.Parse(options.ListenAddress);
        status.Endpoint = new IPEndPoint(address, options.Port).ToString();
        var builder = new MqttServerFactory().CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(options.Port);
        builder = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? builder.WithDefaultEndpointBoundIPV6Address(address).WithDefaultEndpointBoundIPAddress(IPAddress.None)
            : builder.WithDefaultEndpointBoundIPAddress(address).WithDefaultEndpointBoundIPV6Address(IPAddress.None);
        _server = new MqttServerFactory().CreateMqttServer(builder.Build());
        _server.ValidatingConnectionAsync += ValidateAsync;
        _server.InterceptingPublishAsync += OnPublishAsync;
        _server.InterceptingSubscriptionAsync += OnSubscribeAsync;
        try
        {
            await _server.StartAsync().ConfigureAwait(false);
            status.Listening = true;
            LogListening(logger, status.Endpoint, options.Nodes.Count);
        }
        catch (Exception exception) when (exception is System.Net.Sockets.SocketException or IOException)
        {
            // Port taken or address not on this machine: Wi-Fi nodes cannot connect, everything else runs on.
            status.Error = exception.Message;
            LogListenFailed(logger, status.Endpoint, exception.Message);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true })
        {
            await _server.StopAsync().ConfigureAwait(false);
        }

        status.Listening = false;
    }

    public void Dispose() => _server?.Dispose();

    private Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        var username = e.UserName ?? "";
        var from = (e.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? e.RemoteEndPoint?.ToString() ?? "?";
        if (_throttle.IsBlocked(from))
        {
            // Refused unheard: the password is not even hashed, so a guessing loop costs the gateway almost nothing.
            e.ReasonCode = MqttConnectReasonCode.ConnectionRateExceeded;
            status.CountRefused(username, from);
            return Task.CompletedTask;
        }

        if (!_accounts.TryGetValue(username, out var account) || !account.Hash.Matches(e.Password))
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            _throttle.Failed(from);
            status.CountRefused(username, from);
            LogRefused(logger, username, from, e.ClientId);
            return Task.CompletedTask;
        }

        _throttle.Succeeded(from);
        e.ReasonCode = MqttConnectReasonCode.Success;
        return Task.CompletedTask;
    }

    private Task OnSubscribeAsync(InterceptingSubscriptionEventArgs e)
    {
        e.ProcessSubscription = false;
        e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        return Task.CompletedTask;
    }

    private async Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        // The broker only collects: nothing is routed between nodes.
        e.ProcessPublish = false;
        status.CountMessage();
        var topic = e.ApplicationMessage.Topic;
        if (e.UserName is null || !_accounts.TryGetValue(e.UserName, out var account))
        {
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            return;
        }

        var node = account.Node;
        if (MqttTopicFilterComparer.Compare(topic, node.Topic) != MqttTopicFilterCompareResult.IsMatch)
        {
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            ingestor.Reject(node.Node, Source, $"published to '{topic}', outside its topic '{node.Topic}'");
            return;
        }

        var samples = WifiPayloadParser.Parse(node.Format, topic, e.ApplicationMessage.Payload.ToArray(), time.GetUtcNow(), out var rejection);
        if (samples is null)
        {
            e.Response.ReasonCode = MqttPubAckReasonCode.PayloadFormatInvalid;
            ingestor.Reject(node.Node, Source, $"{node.Format} on '{topic}': {rejection}");
            return;
        }

        foreach (var sample in samples)
        {
            var outcome = await ingestor.IngestAsync(
                new NodeFrame(node.Node, Source, sample.Measurements, sample.Time, sample.TimeFromMessage), ReadingQuality.Good,
                CommitDeadline.SenderAwaitsAcknowledgement, e.CancellationToken).ConfigureAwait(false);
            if (outcome == IngestOutcome.NotStored)
            {
                // The node keeps the message and retries: MQTT 5 nodes see why; 3.1.1 nodes see no PUBACK reason.
                e.Response.ReasonCode = MqttPubAckReasonCode.UnspecifiedError;
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wi-Fi broker: listening on {Endpoint} for {Nodes} nodes")]
    private static partial void LogListening(ILogger logger, string endpoint, int nodes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Wi-Fi broker: cannot listen on {Endpoint}; Wi-Fi nodes cannot connect, the rest of the gateway runs on: {Reason}")]
    private static partial void LogListenFailed(ILogger logger, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wi-Fi broker: login refused for username '{Username}' from {Endpoint} (client id '{ClientId}'): wrong username or password")]
    private static partial void LogRefused(ILogger logger, string username, string endpoint, string clientId);
}
