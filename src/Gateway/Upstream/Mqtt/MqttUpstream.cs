using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartVillage.Gateway.Hosting;
using MQTTnet;
using MQTTnet.Protocol;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Resilience;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Upstream.Formats;

namespace SmartVillage.Gateway.Upstream.Mqtt;

/// <summary>
/// Forwards the reading log to one MQTT broker. This loop is the connection's only owner: it connects (persistent
/// session, exponential backoff with full jitter), publishes SenML packs at QoS 1 with at most
/// <see cref="MqttUpstreamOptions.MaxInFlight"/> messages unacknowledged, and moves this upstream's persisted cursor
/// only over a contiguous acknowledged prefix. After any failure it drops the connection and, once reconnected,
/// resends from the cursor: at-least-once, with duplicates bounded by the in-flight window.
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
    private readonly SenmlPackEncoder _encoder = new();
    /// <summary>A pack whose newest reading is older than this when sent is marked historical.</summary>
    private static readonly TimeSpan HistoricalAfter = TimeSpan.FromMinutes(2);

    private readonly string _readingsTopic;
    private readonly string _statusTopic;
    private readonly string _gapsTopic;
    private readonly string _alarmsTopic;
    private readonly IReadOnlyList<string> _alarms;
    private readonly ClockTrust _clock;
    private readonly TokenBucket? _readingBudget;
    private readonly TokenBucket? _byteBudget;

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
        _clock = clock ?? new ClockTrust(DateTimeOffset.MinValue);
        _readingBudget = options.MaxReadingsPerSecond > 0 ? new TokenBucket(options.MaxReadingsPerSecond, time) : null;
        _byteBudget = options.MaxBytesPerSecond > 0 ? new TokenBucket(options.MaxBytesPerSecond, time) : null;
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _gatewayId = gatewayId;
        _log = log;
        _writer = writer;
        _commits = commits;
        _time = time;
        _logger = logger;
        _backoff = new Backoff(options.ReconnectMinDelay, options.ReconnectMaxDelay, jitter);
        _readingsTopic = $"{options.TopicPrefix}/{gatewayId}/senml";
        _statusTopic = $"{options.TopicPrefix}/{gatewayId}/status";
        _gapsTopic = $"{options.TopicPrefix}/{gatewayId}/gaps";
        _alarmsTopic = $"{options.TopicPrefix}/{gatewayId}/alarms";
        _alarms = alarms;
        Status = new UpstreamStatus(options.Name, $"{options.Host}:{options.EffectivePort}");
    }

    public UpstreamStatus Status { get; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        Status.AckedSequence = _log.ReadCursor(_options.Name);
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
                // Broker down, link lost, publish refused or timed out: all mean "rebuild the connection and resend
                // from the cursor". Nothing acknowledged is lost, nothing unacknowledged was counted as sent.
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
        var clientOptions = MqttClientOptionsFactory.Create(_options, _gatewayId, _statusTopic);
        using var timeout = new CancellationTokenSource(_options.OperationTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        var result = await client.ConnectAsync(clientOptions, linked.Token).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new UpstreamRejectedException($"broker refused the connection: {result.ResultCode} {result.ReasonString}");
        }

        await client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(_statusTopic).WithPayload("online").WithRetainFlag()
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            linked.Token).ConfigureAwait(false);
        if (_alarms.Count > 0)
        {
            // Retained, so whoever looks at this gateway later still sees that something went wrong with its store.
            await client.PublishAsync(
                new MqttApplicationMessageBuilder().WithTopic(_alarmsTopic).WithPayload(JsonSerializer.SerializeToUtf8Bytes(_alarms, GatewayFileJson.Default.IReadOnlyListString))
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

        var window = new AckWindow(Status.AckedSequence);
        var lastSent = Status.AckedSequence;
        var inFlight = new List<Task<PublishOutcome>>(_options.MaxInFlight);
        while (true)
        {
            while (inFlight.Count < _options.MaxInFlight && _commits.LastCommitted > lastSent)
            {
                var batch = _log.ReadAfter(lastSent, _options.MaxReadingsPerMessage);
                if (batch.Count == 0)
                {
                    break;
                }

                if (batch[0].Sequence > lastSent + 1)
                {
                    // Readings the store gave up (quota, corruption): say so in the stream, in order, acknowledged
                    // like readings, so the consumer can tell policy from fault and the cursor never skips silently.
                    var (first, last) = (lastSent + 1, batch[0].Sequence - 1);
                    window.Sent(first, last);
                    inFlight.Add(PublishAsync(client, GapMessage(first, last), first, last, stoppingToken));
                    lastSent = last;
                    continue;
                }

                var message = ReadingsMessage(batch);
                await SpendBudgetAsync(batch.Count, message.Payload.Length, stoppingToken).ConfigureAwait(false);
                window.Sent(batch[0].Sequence, batch[^1].Sequence);
                inFlight.Add(PublishAsync(client, message, batch[0].Sequence, batch[^1].Sequence, stoppingToken));
                lastSent = batch[^1].Sequence;
            }

            var waits = new List<Task>(inFlight.Count + 2) { disconnected.Task };
            waits.AddRange(inFlight);
            if (inFlight.Count < _options.MaxInFlight)
            {
                waits.Add(_commits.WaitBeyondAsync(lastSent, stoppingToken));
            }

            var finished = await Task.WhenAny(waits).ConfigureAwait(false);
            stoppingToken.ThrowIfCancellationRequested();
            if (finished == disconnected.Task)
            {
                throw new UpstreamDisconnectedException("connection to the broker was lost");
            }

            await HarvestAsync(inFlight, window, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task HarvestAsync(List<Task<PublishOutcome>> inFlight, AckWindow window, CancellationToken stoppingToken)
    {
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
                throw new UpstreamRejectedException($"publish of readings {outcome.First}-{outcome.Last} failed: {outcome.Error}");
            }

            Status.MessagesAcknowledged++;
            window.Acknowledged(outcome.First);
        }

        if (window.AckedPrefix > Status.AckedSequence)
        {
            Status.AckedSequence = window.AckedPrefix;
            await _writer.AdvanceCursorAsync(_options.Name, window.AckedPrefix, stoppingToken).ConfigureAwait(false);
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

    private MqttApplicationMessage ReadingsMessage(IReadOnlyList<StoredReading> batch)
    {
        var message = Message(_readingsTopic, _encoder.Encode(_gatewayId, batch), SenmlPackEncoder.ContentType, batch[0].Sequence, batch[^1].Sequence);
        if (_time.GetUtcNow() - batch[^1].Time > HistoricalAfter)
        {
            // Backlog sent late: say so, so that no consumer shows these readings as "now".
            message.UserProperties.Add(new MQTTnet.Packets.MqttUserProperty("historical", Encoding.UTF8.GetBytes("true")));
        }

        return message;
    }

    private MqttApplicationMessage GapMessage(long first, long last) =>
        Message(_gapsTopic, GapMessageEncoder.Encode(_gatewayId, first, last, _log.ReadGaps(first, last)), GapMessageEncoder.ContentType, first, last);

    private static MqttApplicationMessage Message(string topic, byte[] payload, string contentType, long first, long last) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithContentType(contentType)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithUserProperty("first-seq", Encoding.UTF8.GetBytes(first.ToString(CultureInfo.InvariantCulture)).AsMemory())
            .WithUserProperty("last-seq", Encoding.UTF8.GetBytes(last.ToString(CultureInfo.InvariantCulture)).AsMemory())
            .Build();

    /// <summary>Publishes one message and reports the outcome as a value, so no failed publish goes unobserved.</summary>
    private async Task<PublishOutcome> PublishAsync(IMqttClient client, MqttApplicationMessage message, long first, long last, CancellationToken stoppingToken)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.OperationTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
            var result = await client.PublishAsync(message, linked.Token).ConfigureAwait(false);
            return result.IsSuccess
                ? new PublishOutcome(first, last, null)
                : new PublishOutcome(first, last, $"broker answered {result.ReasonCode} {result.ReasonString}");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new PublishOutcome(first, last, exception.Message);
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

    private readonly record struct PublishOutcome(long First, long Last, string? Error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upstream {Upstream}: connected to {Endpoint} (session present: {SessionPresent})")]
    private static partial void LogConnected(ILogger logger, string upstream, string endpoint, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream {Upstream}: no connection to {Endpoint}: {Reason} (failure {Failures} in a row); readings wait in the store")]
    private static partial void LogConnectionLost(ILogger logger, string upstream, string endpoint, string reason, int failures);
}
