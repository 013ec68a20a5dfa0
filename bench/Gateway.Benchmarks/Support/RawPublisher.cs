using MQTTnet;
using MQTTnet.Protocol;
using SmartVillage.Gateway.Upstream.Formats;

namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>
/// The baseline sender: plain MQTTnet, one reading per message (the SenML pack of that reading alone, no user
/// properties), QoS 1, a fixed number of publishes awaiting their PUBACK at once.
/// </summary>
public static class RawPublisher
{
    /// <summary>Each reading of the store's log as its own SenML pack, encoded before any timing starts.</summary>
    public static List<byte[]> SinglePayloads(BenchStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var encoder = new SenmlPackEncoder();
        var payloads = new List<byte[]>();
        long after = 0;
        while (true)
        {
            var page = store.Log.ReadAfter(after, 10_000);
            if (page.Count == 0)
            {
                return payloads;
            }

            payloads.AddRange(page.Select(r => encoder.Encode(store.State.GatewayId, [r])));
            after = page[^1].Sequence;
        }
    }

    /// <returns>How many publishes the broker acknowledged.</returns>
    public static async Task<long> PublishAllAsync(int port, string topic, IReadOnlyList<byte[]> payloads, int inFlight)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithClientId("bench-raw-" + Guid.NewGuid().ToString("N")[..8]).WithTimeout(TimeSpan.FromSeconds(60)).Build());
        using var window = new SemaphoreSlim(inFlight);
        long acked = 0;
        foreach (var payload in payloads)
        {
            await window.WaitAsync();
            _ = PublishOneAsync(payload);
        }

        for (var i = 0; i < inFlight; i++)
        {
            await window.WaitAsync();
        }

        await client.DisconnectAsync();
        return Interlocked.Read(ref acked);

        async Task PublishOneAsync(byte[] payload)
        {
            try
            {
                var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
                if (result.IsSuccess)
                {
                    Interlocked.Increment(ref acked);
                }
            }
            catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
                // Not counted as acknowledged: the caller reports the run incomplete.
            }
            finally
            {
                window.Release();
            }
        }
    }
}
