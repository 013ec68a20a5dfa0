using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Tests.Support;

namespace SmartVillage.Gateway.Tests.Storage;

/// <summary>
/// Random sequences of append, read, acknowledge, maintenance (rollups) and restart against the real store, checked
/// after every step against a model small enough to be obviously right: a list of readings and a cursor per upstream.
/// </summary>
public sealed class StoreModelTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_store_behaves_like_its_model_through_random_operations(int seed)
    {
        var random = new Random(seed);
        var path = _folder.File($"model-{seed}.db");
        var model = new List<double>();
        var cursors = new Dictionary<string, long> { ["coop"] = 0, ["ngo"] = 0 };
        var store = await TestStore.StartAsync(path, new StorageOptions { CommitInterval = TimeSpan.Zero });
        try
        {
            for (var step = 0; step < 300; step++)
            {
                switch (random.Next(11))
                {
                    case < 5:
                        var values = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Math.Round(random.NextDouble() * 100, 3)).ToList();
                        var range = await store.Writer.AppendAsync(values.Select(v => TestStore.Reading(value: v)).ToList(), default);
                        Assert.Equal(model.Count + 1, range.First);
                        Assert.Equal(model.Count + values.Count, range.Last);
                        model.AddRange(values);
                        break;
                    case < 7:
                        var upstream = random.Next(2) == 0 ? "coop" : "ngo";
                        var ackTo = random.NextInt64(0, model.Count + 1);
                        await store.Writer.AdvanceCursorAsync(upstream, ackTo, default);
                        cursors[upstream] = Math.Max(cursors[upstream], ackTo);
                        break;
                    case < 9:
                        var after = random.NextInt64(0, model.Count + 1);
                        var limit = random.Next(1, 60);
                        var read = store.Log.ReadAfter(after, limit);
                        var expected = model.Skip((int)after).Take(limit).ToList();
                        Assert.Equal(expected, read.Select(r => r.Value));
                        Assert.Equal(Enumerable.Range((int)after + 1, expected.Count).Select(i => (long)i), read.Select(r => r.Sequence));
                        break;
                    case 9:
                        // A maintenance pass: the rollups hold exactly the readings up to their watermark, however
                        // passes and restarts interleaved (the readings' hour is long complete).
                        var pass = await store.Writer.MaintainNowAsync(default);
                        Assert.Equal(model.Count, pass.RollupWatermark);
                        RollupTable.AssertEquivalent(
                            RollupTable.Expected(model.Select(v => TestStore.Reading(value: v))),
                            RollupTable.Read(store.Connections));
                        break;
                    default:
                        // A restart: the queue is drained, everything committed is there, cursors as acknowledged.
                        await store.DisposeAsync();
                        store = await TestStore.StartAsync(path, new StorageOptions { CommitInterval = TimeSpan.Zero });
                        Assert.Equal(model.Count, store.State.LastSequence);
                        foreach (var (name, acked) in cursors)
                        {
                            Assert.Equal(acked, store.Log.ReadCursor(name));
                        }

                        break;
                }
            }

            Assert.Equal(model, store.Log.ReadAfter(0, int.MaxValue).Select(r => r.Value));
        }
        finally
        {
            await store.DisposeAsync();
        }
    }

    public void Dispose() => _folder.Dispose();
}
