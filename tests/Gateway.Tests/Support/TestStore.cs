using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Tests.Support;

/// <summary>A real reading store on a real SQLite file, with its writer running, as the gateway wires it.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(string path, StorageOptions options, TimeProvider time, IReadOnlyCollection<string> upstreams, string boot)
    {
        Connections = new SqliteConnections(path, options.Synchronous, options.ExclusiveAccess);
        State = StoreOpener.Open(Connections, "gw-test", new BootIdentity(boot), time);
        Signal = new CommitSignal(State);
        Log = new ReadingLog(Connections);
        Writer = new ReadingWriter(Connections, Options.Create(options), State, Signal, time, NullLogger<ReadingWriter>.Instance, new UpstreamRoster(upstreams));
    }

    public SqliteConnections Connections { get; }

    public StoreState State { get; }

    public CommitSignal Signal { get; }

    public ReadingLog Log { get; }

    public ReadingWriter Writer { get; }

    /// <param name="boot">The kernel boot the store is opened in: another one makes earlier readings "of an earlier boot".</param>
    public static async Task<TestStore> StartAsync(string path, StorageOptions? options = null, TimeProvider? time = null, IReadOnlyCollection<string>? upstreams = null, string boot = "boot-1")
    {
        var store = new TestStore(path, options ?? new StorageOptions { CommitInterval = TimeSpan.FromMilliseconds(20) }, time ?? TimeProvider.System, upstreams ?? [], boot);
        await store.Writer.StartAsync(CancellationToken.None);
        return store;
    }

    public static NewReading Reading(string sensor = "s1", double value = 1.5, string quantity = "temperature") =>
        new(sensor, quantity, "Cel", value, Plugins.Abstractions.ReadingQuality.Good, DateTimeOffset.UnixEpoch.AddYears(56), 1234);

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await Writer.StopAsync(CancellationToken.None);
        Writer.Dispose();
    }
}
