using System.Text.Json;
using SmartVillage.Gateway.Hosting;
using MQTTnet;
using MQTTnet.Protocol;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Resilience;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Storage.Acknowledgements;
using SmartVillage.Gateway.Upstream.Drain;

namespace SmartVillage.Gateway.Upstream.Mqtt;

/// <summary>
/// Forwards the reading log to one MQTT broker. This loop is the connection's only owner: it connects (persistent
/// session, exponential backoff with full jitter), publishes SenML packs at QoS 1 with at most
/// <see cref="MqttUpstreamOptions.MaxInFlight"/> messages unacknowledged, live readings first and the backlog in the
/// configured <see cref="DrainOrder"/> (see <see cref="DrainPlanner"/>), and records exactly which sequence numbers the
/// broker acknowledged. After any failure it drops the connection and, once reconnected, sends again whatever is not
/// acknowledged: at-least-once, with duplicates bounded by the in-flight window.
/// </summary>
public sealed partial class MqttUpstream
{
    private readonly MqttUpstreamOptions _options;
    private readonly string _gatewayId;
    private readonly ReadingLog _log;
    private readonly ReadingWriter _writer;
    private readonly CommitSignal _commits;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Backoff _backoff;
    private readonly UpstreamMessages _messages;
    private readonly DrainPlanner _planner;
    private readonly PageReader _pages;
    private readonly IReadOnlyList<string> _alarms;
    private readonly ClockTrust _clock;
    private readonly TokenBucket? _readingBudget;
    private readonly TokenBucket? _byteBudget;
    private AckLedger _ledger = new(new SequenceSet());

    public MqttUpstream(
        MqttUpstreamOptions options,
        string gatewayId,
        ReadingLog log,
        ReadingWriter writer,
        CommitSignal commits,
        TimeProvider time,
        Random jitter,
        IReadOnlyList<string> alarms,
        ILogger logger,
        ClockTrust? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock ?? new ClockTrust(DateTimeOffset.MinValue);
        _readingBudget = options.MaxReadingsPerSecond > 0 ? new TokenBucket(options.MaxReadingsPerSecond, time) : null;
        _byteBudget = options.MaxBytesPerSecond > 0 ? new TokenBucket(options.MaxBytesPerSecond, time) : null;
        _options = options;
        _gatewayId = gatewayId;
        _log = log;
        _writer = writer;
        _commits = commits;
        _time = time;
        _logger = logger;
        _backoff = new Backoff(options.ReconnectMinDelay, options.ReconnectMaxDelay, jitter);
        _messages = new UpstreamMessages(options.TopicPrefix, gatewayId, time);
        _planner = new DrainPlanner(options.DrainOrder);
        _pages = new PageReader(log, options.MaxReadingsPerMessage);
        _alarms = alarms;
        Status = new UpstreamStatus(options.Name, $"{options.Host}:{options.EffectivePort}", options.DrainOrder);
    }

    public UpstreamStatus Status { get; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        _ledger = new AckLedger(_log.ReadAcknowledged(_options.Name));
        Status.Acknowledged(_ledger.Acked);
        await HoldWhileClockUntrustedAsync(stoppingToken).ConfigureAwait(false);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            try
            {
                Status.ConnectAttempts++;
                await ConnectAsync(client, stoppingToken).ConfigureAwait(false);
                failures = 0;
                await PumpAsync(client, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await DisconnectQuietlyAsync(client).ConfigureAwait(false);
                break;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Broker down, link lost, publish refused or timed out: all mean "rebuild the connection and send
                // again what is not acknowledged". Nothing acknowledged is lost, nothing unacknowledged was counted as sent.
                failures++;
                Status.LastError = exception.Message;
                LogConnectionLost(_logger, _options.Name, Status.Endpoint, exception.Message, failures);
            }

            MarkDisconnected();
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            await Task.Delay(_backoff.DelayAfter(Math.Max(failures, 1)), _time, stoppingToken).ConfigureAwait(false);
        }

        MarkDisconnected();
    }

    /// <summary>
    /// Just after boot a Pi without a real-time clock may think it is 1970. Its readings get their true times once the
    /// clock is trusted (see ClockWatcher), so forwarding waits for that, for a while, rather than send times that are
    /// about to be corrected. After <see cref="MqttUpstreamOptions.HoldWhileClockUntrusted"/> it forwards anyway,
    /// with the readings flagged.
    /// </summary>
    private async Task HoldWhileClockUntrustedAsync(CancellationToken stoppingToken)
    {
        var started = _time.GetTimestamp();
        while (!_clock.IsTrusted(_time.GetUtcNow()) && _time.GetElapsedTime(started) < _options.HoldWhileClockUntrusted)
        {
            Status.LastError = "waiting for the clock to be trusted before forwarding";
            await Task.Delay(TimeSpan.FromSeconds(1), _time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken stoppingToken)
    {
        var clientOptions = MqttClientOptionsFactory.Create(_options, _gatewayId, _messages.StatusTopic);
        using var timeout = new CancellationTokenSource(_options.OperationTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        var result = await client.ConnectAsync(clientOptions, linked.Token).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new UpstreamRejectedException($"broker refused the connection: {result.ResultCode} {result.ReasonString}");
        }

        await client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(_messages.StatusTopic).WithPayload("online").WithRetainFlag()
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            linked.Token).ConfigureAwait(false);
        if (_alarms.Count > 0)
        {
            // Retained, so whoever looks at this gateway later still sees that something went wrong with its store.
            await client.PublishAsync(
                new MqttApplicationMessageBuilder().WithTopic(_messages.AlarmsTopic).WithPayload(JsonSerializer.SerializeToUtf8Bytes(_alarms, GatewayFileJson.Default.IReadOnlyListString))
                    .WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                linked.Token).ConfigureAwait(false);
        }

        Status.Connected = true;
        Status.ConnectedSince = _time.GetUtcNow();
        Status.LastError = null;
        LogConnected(_logger, _options.Name, Status.Endpoint, result.IsSessionPresent);
    }

    private async Task PumpAsync(IMqttClient client, CancellationToken stoppingToken)
    {
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += _ =>
        {
            disconnected.TrySetResult();
            return Task.CompletedTask;
        };

        _ledger.ConnectionLost();
        _planner.Connected(_commits.LastCommitted);
        var inFlight = new List<Task<PublishOutcome>>(_options.MaxInFlight);
        while (true)
        {
            var seen = _commits.LastCommitted;
            while (inFlight.Count < _options.MaxInFlight && _planner.Next(_ledger.Covered, seen) is { } pick)
            {
                var page = _pages.Read(pick);
                MqttApplicationMessage message;
                if (page.IsGap)
                {
                    // Readings the store gave up (quota, corruption): say so in the stream, acknowledged like
                    // readings, so the consumer can tell policy from fault and nothing is ever skipped silently.
                    message = _messages.Gap(page.Span, _log.ReadGaps(page.Span.First, page.Span.Last));
                }
                else
                {
                    message = _messages.Readings(page.Readings);
                    await SpendBudgetAsync(page.Readings.Count, message.Payload.Length, stoppingToken).ConfigureAwait(false);
                }

                _ledger.Sent(page.Span);
                inFlight.Add(PublishAsync(client, message, page.Span, stoppingToken));
                seen = _commits.LastCommitted;
            }

            var waits = new List<Task>(inFlight.Count + 2) { disconnected.Task };
            waits.AddRange(inFlight);
            if (inFlight.Count < _options.MaxInFlight)
            {
                waits.Add(_commits.WaitBeyondAsync(seen, stoppingToken));
            }

            var finished = await Task.WhenAny(waits).ConfigureAwait(false);
            stoppingToken.ThrowIfCancellationRequested();
            if (finished == disconnected.Task)
            {
                throw new UpstreamDisconnectedException("connection to the broker was lost");
            }

            await HarvestAsync(inFlight, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task HarvestAsync(List<Task<PublishOutcome>> inFlight, CancellationToken stoppingToken)
    {
        var acknowledged = new List<SequenceSpan>();
        string? failure = null;
        for (var i = inFlight.Count - 1; i >= 0; i--)
        {
            if (!inFlight[i].IsCompleted)
            {
                continue;
            }

            var outcome = await inFlight[i].ConfigureAwait(false);
            inFlight.RemoveAt(i);
            if (outcome.Error is not null)
            {
                failure ??= $"publish of readings {outcome.Span} failed: {outcome.Error}";
                continue;
            }

            Status.MessagesAcknowledged++;
            _ledger.Acknowledged(outcome.Span);
            acknowledged.Add(outcome.Span);
        }

        if (acknowledged.Count > 0)
        {
            // Recorded before a failure is reported, so what the broker did acknowledge is not sent again.
            Status.Acknowledged(_ledger.Acked);
            await _writer.AcknowledgeAsync(_options.Name, acknowledged, stoppingToken).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            throw new UpstreamRejectedException(failure);
        }
    }

    private async ValueTask SpendBudgetAsync(int readings, long bytes, CancellationToken stoppingToken)
    {
        if (_readingBudget is not null)
        {
            await _readingBudget.SpendAsync(readings, stoppingToken).ConfigureAwait(false);
        }

        if (_byteBudget is not null)
        {
            await _byteBudget.SpendAsync(bytes, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes one message and reports the outcome as a value, so no failed publish goes unobserved.</summary>
    private async Task<PublishOutcome> PublishAsync(IMqttClient client, MqttApplicationMessage message, SequenceSpan span, CancellationToken stoppingToken)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.OperationTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
            var result = await client.PublishAsync(message, linked.Token).ConfigureAwait(false);
            return result.IsSuccess
                ? new PublishOutcome(span, null)
                : new PublishOutcome(span, $"broker answered {result.ReasonCode} {result.ReasonString}");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new PublishOutcome(span, exception.Message);
        }
    }

    private static async Task DisconnectQuietlyAsync(IMqttClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            // A clean stop: publish "offline" ourselves, since the broker only sends the will on an unclean loss.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            // The link is already gone; nothing more to do on shutdown.
        }
    }

    private void MarkDisconnected()
    {
        if (Status.Connected)
        {
            Status.Connected = false;
            Status.LastDisconnectAt = _time.GetUtcNow();
        }
    }

    private readonly record struct PublishOutcome(SequenceSpan Span, string? Error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upstream {Upstream}: connected to {Endpoint} (session present: {SessionPresent})")]
    private static partial void LogConnected(ILogger logger, string upstream, string endpoint, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream {Upstream}: no connection to {Endpoint}: {Reason} (failure {Failures} in a row); readings wait in the store")]
    private static partial void LogConnectionLost(ILogger logger, string upstream, string endpoint, string reason, int failures);
}
