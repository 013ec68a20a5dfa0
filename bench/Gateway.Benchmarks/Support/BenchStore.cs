using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>The gateway's reading store wired by hand, as GatewayHostBuilder wires it, with its writer running.</summary>
public sealed class BenchStore : IAsyncDisposable
{
    private BenchStore(string path, StorageOptions options)
    {
        Options = options;
        Connections = new SqliteConnections(path, options.Synchronous);
        State = StoreOpener.Open(Connections, "gw-bench", new BootIdentity("bench-boot"), TimeProvider.System);
        Signal = new CommitSignal(State);
        Log = new ReadingLog(Connections);
        Writer = new ReadingWriter(Connections, Microsoft.Extensions.Options.Options.Create(options), State, Signal, TimeProvider.System,
            NullLogger<ReadingWriter>.Instance);
    }

    public StorageOptions Options { get; }

    public SqliteConnections Connections { get; }

    public StoreState State { get; }

    public CommitSignal Signal { get; }

    public ReadingLog Log { get; }

    public ReadingWriter Writer { get; }

    public static async Task<BenchStore> StartAsync(string path, StorageOptions options)
    {
        var store = new BenchStore(path, options);
        await store.Writer.StartAsync(CancellationToken.None);
        return store;
    }

    /// <summary>
    /// Appends the groups with up to <paramref name="window"/> appends awaiting their commit per producer and
    /// <paramref name="producers"/> producers: many sensors at once, each waiting for its own readings' commit.
    /// </summary>
    public async Task AppendAllAsync(IReadOnlyList<NewReading[]> groups, int producers, int window)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            var pending = new Queue<Task<CommittedRange>>(window);
            int index;
            while ((index = Interlocked.Increment(ref next)) < groups.Count)
            {
                if (pending.Count == window)
                {
                    await pending.Dequeue();
                }

                pending.Enqueue(Writer.AppendAsync(groups[index], CancellationToken.None));
            }

            while (pending.Count > 0)
            {
                await pending.Dequeue();
            }
        })));
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.StopAsync(CancellationToken.None);
        Writer.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
