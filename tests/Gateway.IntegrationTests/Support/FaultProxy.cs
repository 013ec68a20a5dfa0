using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>
/// A TCP proxy on loopback between the gateway and the broker that makes the link bad on purpose: latency and jitter,
/// a bandwidth cap, stalls, connections cut at random (mid-packet) or refused. Needs no root and no network namespace,
/// so it runs anywhere the tests run. Every random choice comes from the seed, so a failing run can be replayed
/// (the timing of the machine still varies).
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly int _seed;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, ProxiedConnection> _open = new();
    private readonly Task _acceptLoop;
    private int _connections;
    private int _cuts;
    private volatile LinkFaults _faults;
    private volatile bool _partitioned;

    private FaultProxy(int targetPort, LinkFaults faults, int seed)
    {
        _targetPort = targetPort;
        _faults = faults;
        _seed = seed;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>Connections carried to the broker so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Connections the proxy cut.</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    /// <summary>What happens to connections from now on (a connection keeps the cut time it was given).</summary>
    public LinkFaults Faults
    {
        get => _faults;
        set => _faults = value;
    }

    /// <summary>While true, new connections are reset at once, as by a broker that is not there.</summary>
    public bool Refusing { get; set; }

    /// <summary>
    /// While true, every byte vanishes and nothing is closed: a silent partition (a dropped route, a dead radio).
    /// Connections that lived through it stay dead after it heals; only new ones carry bytes again.
    /// </summary>
    public bool Partitioned
    {
        get => _partitioned;
        set
        {
            _partitioned = value;
            foreach (var connection in _open.Values.Where(_ => value))
            {
                connection.GoSilent();
            }
        }
    }

    public static FaultProxy Start(int targetPort, LinkFaults faults, int seed) => new(targetPort, faults, seed);

    /// <summary>Cuts every open connection now.</summary>
    public void CutAll()
    {
        foreach (var connection in _open.Values)
        {
            connection.Cut(reset: true);
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (Refusing)
            {
                Reset(client);
                continue;
            }

            var broker = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await broker.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                // The broker is down: the gateway sees what it would see without a proxy, a reset connection.
                Reset(client);
                broker.Dispose();
                continue;
            }

            var id = Interlocked.Increment(ref _connections);
            var connection = new ProxiedConnection(client, broker, _faults, new Random(unchecked((_seed * 7919) + id)), () => Interlocked.Increment(ref _cuts), () => Partitioned);
            _open[id] = connection;
            _ = connection.RunAsync(_stop.Token).ContinueWith(
                _ =>
                {
                    _open.TryRemove(id, out ProxiedConnection? _);
                    connection.Dispose();
                },
                TaskScheduler.Default);
        }
    }

    internal static void Reset(Socket socket)
    {
        try
        {
            // Linger 0: close sends RST, not FIN, as a link that died does.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
            // Already closed by the other direction.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutAll();
        await _acceptLoop;
        _stop.Dispose();
    }
}
