using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;

namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>
/// A consumer on the broker, as a cooperative's platform would be: a persistent QoS 1 session (so nothing is lost
/// to it while it reconnects), resolving SenML packs into records keyed by sequence number and counting duplicates.
/// </summary>
public sealed class SenmlSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private readonly string _topic;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, SenmlRecord> _records = new();
    private readonly ConcurrentBag<(long First, long Last, string Reason)> _gaps = [];
    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();
    private long _duplicates;
    private long _conflicts;
    private int _subscriptions;

    private SenmlSubscriber(int port, string topic)
    {
        _topic = topic;
        _options = new MqttClientOptionsBuilder()
            // MQTTnet's 8 KiB default makes a QoS 1 subscriber crawl when it falls behind (FACTS.md).
            .WithTcpServer(o => o.BufferSize = 1 << 20)
            .WithEndPoint(new System.Net.DnsEndPoint("127.0.0.1", port))
            .WithClientId("consumer-" + Guid.NewGuid().ToString("N")[..8])
            .WithCleanStart(false)
            .WithSessionExpiryInterval(3600)
            .Build();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic.EndsWith("/gaps", StringComparison.Ordinal))
            {
                AcceptGap(e.ApplicationMessage.Payload.ToArray());
                return Task.CompletedTask;
            }

            Accept(e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
        _client.DisconnectedAsync += async _ =>
        {
            // Keep the session: reconnect until told to stop (the broker may be restarting).
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(100, _stop.Token);
                    await ConnectAsync();
                    return;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Broker still down; try again.
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        };
    }

    public IReadOnlyDictionary<long, SenmlRecord> Records => _records;

    /// <summary>Ranges the gateway reported as given up, with the reason.</summary>
    public IReadOnlyCollection<(long First, long Last, string Reason)> Gaps => _gaps;

    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>A sequence number seen twice with different contents: a reused sequence number.</summary>
    public long Conflicts => Interlocked.Read(ref _conflicts);

    public string? BaseName { get; private set; }

    /// <summary>Reading messages in the order they arrived.</summary>
    public IReadOnlyList<ReceivedMessage> Messages => [.. _messages];

    /// <summary>Times this consumer had to subscribe afresh (once at start, again whenever the broker lost its session).</summary>
    public int Subscriptions => Volatile.Read(ref _subscriptions);

    public static async Task<SenmlSubscriber> StartAsync(int port, string topic = "smartvillage/+/senml")
    {
        var subscriber = new SenmlSubscriber(port, topic);
        await subscriber.ConnectAsync();
        return subscriber;
    }

    /// <summary>Sequence numbers from 1 to <paramref name="last"/> that never arrived.</summary>
    public IReadOnlyList<long> Missing(long last) =>
        [.. Enumerable.Range(1, (int)last).Select(i => (long)i).Where(s => !_records.ContainsKey(s) && !_gaps.Any(g => g.First <= s && s <= g.Last))];

    private async Task ConnectAsync()
    {
        var result = await _client.ConnectAsync(_options);
        if (!result.IsSessionPresent)
        {
            await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(_topic, MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter("smartvillage/+/gaps", MqttQualityOfServiceLevel.AtLeastOnce).Build());
            Interlocked.Increment(ref _subscriptions);
        }
    }

    private void AcceptGap(byte[] payload)
    {
        using var message = JsonDocument.Parse(payload);
        foreach (var gap in message.RootElement.GetProperty("gaps").EnumerateArray())
        {
            _gaps.Add((gap.GetProperty("first").GetInt64(), gap.GetProperty("last").GetInt64(), gap.GetProperty("reason").GetString()!));
        }
    }

    private void Accept(byte[] payload)
    {
        using var pack = JsonDocument.Parse(payload);
        string? baseName = null;
        double baseTime = 0;
        var (first, last, fresh) = (long.MaxValue, long.MinValue, 0);
        foreach (var record in pack.RootElement.EnumerateArray())
        {
            if (record.TryGetProperty("bn", out var bn))
            {
                baseName = bn.GetString();
                BaseName = baseName;
            }

            if (record.TryGetProperty("bt", out var bt))
            {
                baseTime = bt.GetDouble();
            }

            var parsed = new SenmlRecord(
                record.GetProperty("seq").GetInt64(),
                baseName + record.GetProperty("n").GetString(),
                record.GetProperty("u").GetString()!,
                record.GetProperty("v").GetDouble(),
                (long)Math.Round((baseTime + (record.TryGetProperty("t", out var t) ? t.GetDouble() : 0)) * 1000),
                record.TryGetProperty("q", out var q) ? q.GetInt32() : 0);
            (first, last) = (Math.Min(first, parsed.Sequence), Math.Max(last, parsed.Sequence));
            if (_records.TryAdd(parsed.Sequence, parsed))
            {
                fresh++;
            }
            else
            {
                Interlocked.Increment(ref _duplicates);
                if (_records[parsed.Sequence] != parsed)
                {
                    Interlocked.Increment(ref _conflicts);
                }
            }
        }

        _messages.Enqueue(new ReceivedMessage(first, last, fresh));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
        _stop.Dispose();
    }
}

/// <summary>One reading message as it arrived: its sequence range and how many of its readings were new to the consumer.</summary>
public sealed record ReceivedMessage(long First, long Last, int Fresh);
