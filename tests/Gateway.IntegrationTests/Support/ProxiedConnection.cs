using System.Net.Sockets;
using System.Threading.Channels;

namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>
/// One connection through the <see cref="FaultProxy"/>: two directions, each a reader that timestamps chunks and a
/// writer that delivers them late, paced and sometimes stalled, until the connection's cut time comes.
/// </summary>
internal sealed class ProxiedConnection : IDisposable
{
    /// <summary>Small reads, so a chunk is part of an MQTT packet more often than a whole one.</summary>
    private const int ChunkSize = 512;

    private readonly Socket _client;
    private readonly Socket _broker;
    private readonly LinkFaults _faults;
    private readonly Random _random;
    private readonly Action _onCut;
    private readonly Func<bool> _partitioned;
    private readonly CancellationTokenSource _cut = new();
    private readonly Lock _gate = new();
    private int _cutDone;
    private bool _cutRequested;
    private bool _resetOnCut = true;
    private volatile bool _dead;

    public ProxiedConnection(Socket client, Socket broker, LinkFaults faults, Random random, Action onCut, Func<bool> partitioned)
    {
        _partitioned = partitioned;
        _client = client;
        _broker = broker;
        _faults = faults;
        _random = random;
        _onCut = onCut;
        _client.NoDelay = true;
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _cut.Token);
        var cutTimer = _faults.CutAfterMin is { } min && _faults.CutAfterMax is { } max
            ? CutLaterAsync(min + ((max - min) * Draw()), linked.Token)
            : Task.CompletedTask;
        await Task.WhenAny(Pump(_client, _broker, linked.Token), Pump(_broker, _client, linked.Token));
        // One side closed: close the other too (not counted as a cut; a reset only if a cut asked for one).
        bool reset;
        lock (_gate)
        {
            reset = _cutRequested && _resetOnCut;
        }

        Cut(reset, counted: false);
        await cutTimer.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void Dispose() => _cut.Dispose();

    /// <summary>From now on this connection delivers nothing, silently.</summary>
    public void GoSilent() => _dead = true;

    /// <summary>Cuts the connection: the next chunk in either direction goes out only in part, then both sockets close.</summary>
    public void Cut(bool reset, bool counted = true)
    {
        lock (_gate)
        {
            _resetOnCut = reset;
            _cutRequested = true;
        }

        if (Interlocked.Exchange(ref _cutDone, 1) == 1)
        {
            return;
        }

        if (counted)
        {
            _onCut();
        }

        // Give a writer that holds a chunk a moment to send part of it; an idle link is simply closed.
        _ = Task.Delay(100).ContinueWith(_ => Close(), TaskScheduler.Default);
    }

    private async Task CutLaterAsync(TimeSpan after, CancellationToken token)
    {
        await Task.Delay(after, token);
        bool reset;
        lock (_gate)
        {
            reset = _random.Next(4) != 0;
        }

        Cut(reset);
    }

    private async Task Pump(Socket from, Socket to, CancellationToken token)
    {
        var chunks = Channel.CreateUnbounded<(long DueAt, byte[] Bytes)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writer = DeliverAsync(chunks.Reader, to, token);
        try
        {
            var buffer = new byte[ChunkSize];
            long lastDue = 0;
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, token);
                if (read == 0)
                {
                    break;
                }

                // Late by the latency plus jitter, but never before the chunk ahead of it: TCP keeps order.
                var due = Environment.TickCount64 + (long)(_faults.Latency + (_faults.Jitter * Draw())).TotalMilliseconds;
                lastDue = Math.Max(lastDue, due);
                chunks.Writer.TryWrite((lastDue, buffer[..read]));
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other side went away or the connection was cut: either ends this direction.
        }

        chunks.Writer.TryComplete();
        await writer;
    }

    private async Task DeliverAsync(ChannelReader<(long DueAt, byte[] Bytes)> chunks, Socket to, CancellationToken token)
    {
        long paceUntil = Environment.TickCount64;
        try
        {
            await foreach (var (dueAt, bytes) in chunks.ReadAllAsync(token))
            {
                if (_dead || _partitioned())
                {
                    // A silent partition: bytes vanish, nothing is closed or reset, and this connection never
                    // carries anything again (it is half-open for good, as after a real partition).
                    _dead = true;
                    continue;
                }

                if (Draw() < _faults.StallChance)
                {
                    await Task.Delay(_faults.StallMin + ((_faults.StallMax - _faults.StallMin) * Draw()), token);
                }

                await WaitUntilAsync(dueAt, token);
                if (_faults.BytesPerSecond > 0)
                {
                    await WaitUntilAsync(paceUntil, token);
                    paceUntil = Math.Max(paceUntil, Environment.TickCount64) + (bytes.Length * 1000L / _faults.BytesPerSecond);
                }

                bool cut;
                lock (_gate)
                {
                    cut = _cutRequested;
                }

                if (cut)
                {
                    // Mid-packet: part of this chunk, then nothing more.
                    var part = (int)(bytes.Length * Draw());
                    await to.SendAsync(bytes.AsMemory(0, part), SocketFlags.None, token);
                    Close();
                    return;
                }

                await to.SendAsync(bytes, SocketFlags.None, token);
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Cut or closed.
        }

        // The source closed cleanly (FIN): pass that on.
        try
        {
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    private void Close()
    {
        bool reset;
        lock (_gate)
        {
            reset = _resetOnCut;
        }

        try
        {
            _cut.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection is already over.
        }

        foreach (var socket in new[] { _client, _broker })
        {
            if (reset)
            {
                FaultProxy.Reset(socket);
            }
            else
            {
                try
                {
                    socket.Shutdown(SocketShutdown.Both);
                }
                catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
                {
                    // Already gone.
                }

                socket.Close();
            }
        }
    }

    private static async Task WaitUntilAsync(long tick, CancellationToken token)
    {
        var wait = tick - Environment.TickCount64;
        if (wait > 0)
        {
            // Simulated link delay, not test synchronisation: this is the fault being injected.
            await Task.Delay(TimeSpan.FromMilliseconds(wait), token);
        }
    }

    private double Draw()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }
}
