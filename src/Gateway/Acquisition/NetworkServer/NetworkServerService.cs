using System.Buffers;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Protocol;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Resilience;
using SmartVillage.Gateway.Storage;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Decoders.CayenneLpp;

namespace SmartVillage.Gateway.Acquisition.NetworkServer;

/// <summary>
/// Subscribes to a network server's MQTT integration and stores every uplink as readings of its node. QoS 1 with a
/// persistent session: uplinks sent while the gateway is away wait at the broker. A message is acknowledged only after
/// its readings are committed (or it was rejected for good), so a crash between receipt and commit loses nothing:
/// the broker redelivers and the frame counter drops the copy.
/// </summary>
public sealed partial class NetworkServerService(
    KitOptions kit,
    StoreState store,
    NodeIngestor ingestor,
    NetworkServerStatus status,
    TimeProvider time,
    ILogger<NetworkServerService> logger) : BackgroundService
{
    private const string Source = "network-server";
    private readonly InFlightLimit _inFlight = new(256);
    private readonly CayenneLppDecoder _defaultDecoder = new();

    public override void Dispose()
    {
        _inFlight.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (kit.NetworkServer is not { } options)
        {
            return;
        }

        status.Endpoint = $"{options.Host}:{options.EffectivePort}";
        status.Topic = options.EffectiveTopic;
        var backoff = new Backoff(options.ReconnectMinDelay, options.ReconnectMaxDelay, new Random());
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            client.DisconnectedAsync += _ =>
            {
                disconnected.TrySetResult();
                return Task.CompletedTask;
            };
            client.ApplicationMessageReceivedAsync += e => OnMessageAsync(e, options, stoppingToken);
            try
            {
                await client.ConnectAsync(ClientOptions(options), stoppingToken).ConfigureAwait(false);
                var subscribed = await client.SubscribeAsync(
                    new MqttClientSubscribeOptionsBuilder().WithTopicFilter(options.EffectiveTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                    stoppingToken).ConfigureAwait(false);
                var code = subscribed.Items.FirstOrDefault()?.ResultCode;
                if (code is not (MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
                {
                    throw new InvalidOperationException($"the broker refused the subscription to '{options.EffectiveTopic}' ({code})");
                }

                status.Connected = true;
                status.LastError = null;
                failures = 0;
                LogSubscribed(logger, status.Endpoint, options.EffectiveTopic);
                await disconnected.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
                throw new InvalidOperationException("the connection was lost");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Broker down, refused credentials, link lost: all mean "wait, then connect again".
                status.Connected = false;
                status.LastError = exception.Message;
                failures++;
                var delay = backoff.DelayAfter(failures);
                LogConnectionFailed(logger, status.Endpoint, failures, delay.TotalSeconds, exception.Message);
                try
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        status.Connected = false;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e, NetworkServerOptions options, CancellationToken stoppingToken)
    {
        // Acknowledged after the commit, not on return: the handler returns at once so the next uplink is read while
        // this one waits for its group commit.
        e.AutoAcknowledge = false;
        status.CountReceived();
        var frame = ToFrame(e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Topic, options);
        if (frame is null)
        {
            await e.AcknowledgeAsync(stoppingToken).ConfigureAwait(false);
            return;
        }

        await _inFlight.StartAsync(async () =>
        {
            var outcome = await ingestor.IngestAsync(frame, ReadingQuality.Good, CommitDeadline.SenderAwaitsAcknowledgement, stoppingToken).ConfigureAwait(false);
            if (outcome == IngestOutcome.NotStored)
            {
                return; // unacknowledged: the broker redelivers it on the next connection
            }

            try
            {
                // PUBACKs may leave in a different order than the PUBLISHes arrived when commits overlap; brokers
                // (Mosquitto, EMQX, ChirpStack's) accept that, and the alternative is one commit per uplink.
                await e.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The connection dropped after the commit: the broker redelivers, and the frame counter drops the copy.
                LogAckFailed(logger, frame.NodeId, exception.Message);
            }
        }, stoppingToken).ConfigureAwait(false);
    }

    /// <returns>The frame to store, or null when the message was rejected (counted and logged here).</returns>
    private NodeFrame? ToFrame(byte[] payload, string topic, NetworkServerOptions options)
    {
        var uplink = UplinkParser.Parse(payload, out var rejection);
        if (uplink is null)
        {
            status.CountRejected(rejection!);
            LogUnreadable(logger, topic, rejection!);
            return null;
        }

        var nodeId = ingestor.Registry.IdForDevEui(uplink.DevEui);
        var known = ingestor.Registry.DecoderFor(nodeId) is not null;
        if (!known && !options.AcceptUnknownDevices)
        {
            status.CountRejected($"device {uplink.DevEui} is not in Kit:Nodes");
            LogUnknownDevice(logger, uplink.DevEui);
            return null;
        }

        var received = time.GetUtcNow();
        var frameOf = (IReadOnlyList<Measurement> m) => new NodeFrame(nodeId, Source, m, uplink.Time ?? received,
            uplink.Time is not null, uplink.FrameCounter is { } f ? new FrameCounter(f, 32) : null, uplink.RssiDbm, uplink.SnrDb);
        if (options.Payload != "data" && uplink.Decoded is { } decoded)
        {
            return frameOf(JsonMeasurements.Flatten(decoded));
        }

        if (uplink.RawPayload is not { Length: > 0 } raw)
        {
            ingestor.Reject(nodeId, Source, "the uplink has neither a decoded object nor a payload");
            return null;
        }

        var result = (ingestor.Registry.DecoderFor(nodeId) ?? _defaultDecoder).Decode(raw);
        if (!result.IsSuccess)
        {
            ingestor.Reject(nodeId, Source, $"FCnt {uplink.FrameCounter}: {result.Rejection}");
            return null;
        }

        return frameOf(result.Measurements);
    }

    private MqttClientOptions ClientOptions(NetworkServerOptions options)
    {
        var builder = new MqttClientOptionsBuilder()
            // A subscriber that falls behind on MQTTnet's default 8 KiB socket buffer (which also turns off Linux
            // auto-sizing) can crawl at a few hundred messages a second for minutes; 1 MiB keeps up with bursts.
            .WithTcpServer(o => o.BufferSize = 1 << 20)
            .WithEndPoint(new System.Net.DnsEndPoint(options.Host, options.EffectivePort))
            .WithClientId(string.IsNullOrWhiteSpace(options.ClientId) ? $"{store.GatewayId}-uplinks" : options.ClientId)
            // Persistent session: the broker queues uplinks while the gateway restarts or the link is down.
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)options.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30));
        if (!string.IsNullOrEmpty(options.Username))
        {
            builder.WithCredentials(options.Username, options.Password ?? "");
        }

        if (options.Tls)
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost(options.Host);
                if (!string.IsNullOrEmpty(options.CaCertificateFile))
                {
                    var chain = new X509Certificate2Collection();
                    chain.ImportFromPemFile(options.CaCertificateFile);
                    tls.WithTrustChain(chain);
                }
            });
        }

        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Network server: uplink of node {NodeId} stored but not acknowledged ({Reason}); a redelivery will be dropped as a duplicate")]
    private static partial void LogAckFailed(ILogger logger, string nodeId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Network server {Endpoint}: subscribed to {Topic}")]
    private static partial void LogSubscribed(ILogger logger, string endpoint, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Network server {Endpoint}: connection failed ({Failures} in a row), retrying in {Seconds:0.#} s: {Reason}")]
    private static partial void LogConnectionFailed(ILogger logger, string endpoint, int failures, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Network server: message on {Topic} rejected: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Network server: uplink from device {DevEui} rejected: it is not in Kit:Nodes and AcceptUnknownDevices is false")]
    private static partial void LogUnknownDevice(ILogger logger, string devEui);
}
