using MQTTnet;
using MQTTnet.Protocol;

namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>
/// A QoS 1 consumer that only counts: messages, payload bytes, and readings (from the gateway's <c>first-seq</c> /
/// <c>last-seq</c> user properties, or one per message when a message has none). Its socket buffer is 1 MiB: with
/// MQTTnet's 8 KiB default a subscriber that falls behind crawls (FACTS.md) and would measure itself, not the sender.
/// </summary>
public sealed class CountingSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private long _messages;
    private long _readings;
    private long _payloadBytes;

    private CountingSubscriber()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            Interlocked.Increment(ref _messages);
            Interlocked.Add(ref _payloadBytes, message.Payload.Length);
            Interlocked.Add(ref _readings, ReadingsIn(message));
            return Task.CompletedTask;
        };
    }

    public long Messages => Interlocked.Read(ref _messages);

    public long Readings => Interlocked.Read(ref _readings);

    public long PayloadBytes => Interlocked.Read(ref _payloadBytes);

    public static async Task<CountingSubscriber> StartAsync(int port, string topicFilter)
    {
        var subscriber = new CountingSubscriber();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(o => o.BufferSize = 1 << 20)
            .WithEndPoint(new System.Net.DnsEndPoint("127.0.0.1", port))
            .WithClientId("bench-consumer-" + Guid.NewGuid().ToString("N")[..8])
            .WithTimeout(TimeSpan.FromSeconds(60))
            .Build();
        await subscriber._client.ConnectAsync(options);
        await subscriber._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return subscriber;
    }

    /// <summary>Waits until <paramref name="readings"/> have arrived; false if they did not within <paramref name="within"/>.</summary>
    public async Task<bool> WaitForAsync(long readings, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (Readings < readings)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }

    private static long ReadingsIn(MqttApplicationMessage message)
    {
        long first = 0, last = -1;
        foreach (var property in message.UserProperties ?? [])
        {
            if (property.Name == "first-seq")
            {
                first = long.Parse(System.Text.Encoding.UTF8.GetString(property.ValueBuffer.Span), System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (property.Name == "last-seq")
            {
                last = long.Parse(System.Text.Encoding.UTF8.GetString(property.ValueBuffer.Span), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return last >= first && last > 0 ? last - first + 1 : 1;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
