using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage.Acknowledgements;
using SmartVillage.Gateway.Upstream.Formats;

namespace SmartVillage.Gateway.Upstream.Mqtt;

/// <summary>The MQTT messages one upstream publishes: topics, payloads and the user properties that describe them.</summary>
public sealed class UpstreamMessages(string topicPrefix, string gatewayId, TimeProvider time)
{
    /// <summary>A pack whose newest reading is older than this when sent is marked historical.</summary>
    private static readonly TimeSpan HistoricalAfter = TimeSpan.FromMinutes(2);
    private readonly SenmlPackEncoder _encoder = new();

    public string ReadingsTopic { get; } = $"{topicPrefix}/{gatewayId}/senml";

    public string StatusTopic { get; } = $"{topicPrefix}/{gatewayId}/status";

    public string GapsTopic { get; } = $"{topicPrefix}/{gatewayId}/gaps";

    public string AlarmsTopic { get; } = $"{topicPrefix}/{gatewayId}/alarms";

    /// <param name="readings">Consecutive readings in ascending sequence order.</param>
    public MqttApplicationMessage Readings(IReadOnlyList<StoredReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var message = Build(ReadingsTopic, _encoder.Encode(gatewayId, readings), SenmlPackEncoder.ContentType, new(readings[0].Sequence, readings[^1].Sequence));
        if (time.GetUtcNow() - readings[^1].Time > HistoricalAfter)
        {
            // Backlog sent late: say so, so that no consumer shows these readings as "now".
            message.UserProperties.Add(new MQTTnet.Packets.MqttUserProperty("historical", Encoding.UTF8.GetBytes("true")));
        }

        return message;
    }

    /// <summary>Sequence numbers the store gave up (quota, corruption), with the recorded reasons.</summary>
    public MqttApplicationMessage Gap(SequenceSpan span, IReadOnlyList<GapRecord> recorded) =>
        Build(GapsTopic, GapMessageEncoder.Encode(gatewayId, span.First, span.Last, recorded), GapMessageEncoder.ContentType, span);

    private static MqttApplicationMessage Build(string topic, byte[] payload, string contentType, SequenceSpan span) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithContentType(contentType)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithUserProperty("first-seq", Encoding.UTF8.GetBytes(span.First.ToString(CultureInfo.InvariantCulture)).AsMemory())
            .WithUserProperty("last-seq", Encoding.UTF8.GetBytes(span.Last.ToString(CultureInfo.InvariantCulture)).AsMemory())
            .Build();
}
