using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Protocol;

namespace SmartVillage.Gateway.Upstream.Mqtt;

/// <summary>Turns an upstream's settings into MQTTnet client options.</summary>
internal static class MqttClientOptionsFactory
{
    public static MqttClientOptions Create(MqttUpstreamOptions upstream, string gatewayId, string statusTopic)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(upstream.Host, upstream.EffectivePort)
            .WithClientId(string.IsNullOrWhiteSpace(upstream.ClientId) ? $"{gatewayId}-{upstream.Name}" : upstream.ClientId)
            // A persistent session: the broker keeps our state across short outages, which is what a link that
            // comes and goes needs; resends after a reconnect come from our own cursor, not the broker's memory.
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)upstream.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(upstream.KeepAlive)
            .WithTimeout(upstream.OperationTimeout)
            // Consumers see "offline" (retained) when the link dies without a clean disconnect.
            .WithWillTopic(statusTopic)
            .WithWillPayload("offline")
            .WithWillRetain()
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);

        if (!string.IsNullOrEmpty(upstream.Username))
        {
            builder.WithCredentials(upstream.Username, upstream.Password ?? "");
        }

        if (upstream.Tls)
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost(upstream.Host);
                if (!upstream.CheckCertificateRevocation)
                {
                    tls.WithRevocationMode(X509RevocationMode.NoCheck);
                }

                if (!string.IsNullOrEmpty(upstream.CaCertificateFile))
                {
                    var chain = new X509Certificate2Collection();
                    chain.ImportFromPemFile(upstream.CaCertificateFile);
                    tls.WithTrustChain(chain);
                }
            });
        }

        return builder.Build();
    }
}
