using System.Net;
using System.Net.Sockets;

namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>
/// A TCP relay on a free loopback port in front of the broker that counts the bytes each way: what a metered
/// uplink (GSM, LoRaWAN backhaul, satellite) would bill, MQTT framing, properties, PUBACKs and pings included
/// (TCP/IP headers excluded).
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _relays = [];
    private readonly Task _accepting;
    private long _upstreamBytes;
    private long _downstreamBytes;

    public CountingProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Client to broker.</summary>
    public long UpstreamBytes => Interlocked.Read(ref _upstreamBytes);

    /// <summary>Broker to client.</summary>
    public long DownstreamBytes => Interlocked.Read(ref _downstreamBytes);

    public void Reset()
    {
        Interlocked.Exchange(ref _upstreamBytes, 0);
        Interlocked.Exchange(ref _downstreamBytes, 0);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var server = new TcpClient();
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                client.NoDelay = server.NoDelay = true;
                lock (_relays)
                {
                    _relays.Add(RelayAsync(client, server));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task RelayAsync(TcpClient client, TcpClient server)
    {
        using (client)
        using (server)
        {
            var up = CopyAsync(client.GetStream(), server.GetStream(), bytes => Interlocked.Add(ref _upstreamBytes, bytes));
            var down = CopyAsync(server.GetStream(), client.GetStream(), bytes => Interlocked.Add(ref _downstreamBytes, bytes));
            await Task.WhenAny(up, down);
            client.Close();
            server.Close();
            await Task.WhenAll(up, down);
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, Action<int> count)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                count(read);
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // One side closed: the relay ends.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] relays;
        lock (_relays)
        {
            relays = [.. _relays];
        }

        await Task.WhenAll(relays);
        _stop.Dispose();
    }
}
