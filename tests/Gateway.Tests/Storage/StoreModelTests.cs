using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Storage.Acknowledgements;
using SmartVillage.Gateway.Tests.Support;
using SmartVillage.Gateway.Upstream;
using SmartVillage.Gateway.Upstream.Drain;

namespace SmartVillage.Gateway.Tests.Storage;

/// <summary>
/// Random sequences of append, read, send, acknowledge, maintenance (rollups), lost connections and restart against the real store, checked
/// after every step against a model small enough to be obviously right: a list of readings and, per upstream, a plain
/// set of the sequence numbers acknowledged.
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

    [Theory]
    [InlineData(DrainOrder.NewestFirst, 11)]
    [InlineData(DrainOrder.NewestFirst, 12)]
    [InlineData(DrainOrder.NewestFirst, 13)]
    [InlineData(DrainOrder.OldestFirst, 14)]
    public async Task A_drain_in_either_order_acknowledges_exactly_what_was_acknowledged_through_restarts(DrainOrder order, int seed)
    {
        var random = new Random(seed);
        var path = _folder.File($"drain-{seed}.db");
        var count = 0L;
        var acked = new HashSet<long>();
        var store = await TestStore.StartAsync(path, new StorageOptions { CommitInterval = TimeSpan.Zero });
        var upstream = new SimulatedUpstream(order, store, count);
        try
        {
            for (var step = 0; step < 400; step++)
            {
                switch (random.Next(20))
                {
                    case < 5:
                        var range = await store.Writer.AppendAsync(Enumerable.Range(0, random.Next(1, 60)).Select(_ => TestStore.Reading(value: random.Next(1000))).ToList(), default);
                        count = range.Last;
                        break;
                    case < 11:
                        upstream.SendNext(count, acked);
                        break;
                    case < 17:
                        if (upstream.AcknowledgeOne(random) is { } span)
                        {
                            await store.Writer.AcknowledgeAsync("coop", [span], default);
                            acked.UnionWith(Numbers(span));
                        }

                        break;
                    case < 19:
                        upstream.ConnectionLost(count);
                        break;
                    default:
                        await store.DisposeAsync();
                        store = await TestStore.StartAsync(path, new StorageOptions { CommitInterval = TimeSpan.Zero });
                        Assert.Equal(acked.Order(), store.Log.ReadAcknowledged("coop").Spans.SelectMany(Numbers));
                        Assert.Equal(Enumerable.Range(1, (int)count).TakeWhile(n => acked.Contains(n)).LongCount(), store.Log.ReadCursor("coop"));
                        upstream = new SimulatedUpstream(order, store, count);
                        break;
                }
            }

            // Link healed: everything drains, and every reading ends up acknowledged.
            while (upstream.SendNext(count, acked) || upstream.InFlight > 0)
            {
                var span = upstream.AcknowledgeOne(random)!.Value;
                await store.Writer.AcknowledgeAsync("coop", [span], default);
                acked.UnionWith(Numbers(span));
            }

            await store.DisposeAsync();
            store = await TestStore.StartAsync(path, new StorageOptions { CommitInterval = TimeSpan.Zero });
            Assert.Equal(count, store.Log.ReadCursor("coop"));
            Assert.Equal([new SequenceSpan(1, count)], store.Log.ReadAcknowledged("coop").Spans);
        }
        finally
        {
            await store.DisposeAsync();
        }
    }

    private static IEnumerable<long> Numbers(SequenceSpan span)
    {
        for (var n = span.First; n <= span.Last; n++)
        {
            yield return n;
        }
    }

    /// <summary>
    /// The upstream's bookkeeping (planner, pages, ledger) as the MQTT loop runs it, minus the broker. Each page it
    /// sends is checked against the model: real readings, never already covered, and a backlog page starts at the
    /// end of the backlog the drain order says.
    /// </summary>
    private sealed class SimulatedUpstream
    {
        private readonly DrainPlanner _planner;
        private readonly PageReader _pages;
        private readonly AckLedger _ledger;
        private readonly List<SequenceSpan> _inFlight = [];
        private long _liveAfter;

        public SimulatedUpstream(DrainOrder order, TestStore store, long lastCommitted)
        {
            _planner = new DrainPlanner(order);
            _pages = new PageReader(store.Log, 25);
            _ledger = new AckLedger(store.Log.ReadAcknowledged("coop"));
            ConnectionLost(lastCommitted);
        }

        public int InFlight => _inFlight.Count;

        public bool SendNext(long lastCommitted, HashSet<long> acked)
        {
            if (_planner.Next(_ledger.Covered, lastCommitted) is not { } pick)
            {
                Assert.All(Enumerable.Range(1, (int)lastCommitted), n => Assert.True(_ledger.Covered.Contains(n), $"{n} was never picked"));
                return false;
            }

            var uncovered = Enumerable.Range(1, (int)lastCommitted).Select(n => (long)n)
                .Where(n => !acked.Contains(n) && !_inFlight.Any(s => s.First <= n && n <= s.Last)).ToList();
            var page = _pages.Read(pick);
            Assert.False(page.IsGap, "nothing was removed from this log, so no page can be a gap");
            Assert.Equal(Enumerable.Range((int)page.Span.First, (int)page.Span.Count).Select(n => (long)n), page.Readings.Select(r => r.Sequence));
            Assert.All(Numbers(page.Span), n => Assert.Contains(n, uncovered));
            var live = uncovered.Where(n => n > _liveAfter).ToList();
            var backlog = uncovered.Where(n => n <= _liveAfter).ToList();
            if (live.Count > 0)
            {
                Assert.Equal(live[0], page.Span.First);
            }
            else if (_planner.Order == DrainOrder.NewestFirst)
            {
                Assert.Equal(backlog[^1], page.Span.Last);
            }
            else
            {
                Assert.Equal(backlog[0], page.Span.First);
            }

            _ledger.Sent(page.Span);
            _inFlight.Add(page.Span);
            return true;
        }

        public SequenceSpan? AcknowledgeOne(Random random)
        {
            if (_inFlight.Count == 0)
            {
                return null;
            }

            // PUBACKs come back in any order within the window.
            var span = _inFlight[random.Next(_inFlight.Count)];
            _inFlight.Remove(span);
            _ledger.Acknowledged(span);
            return span;
        }

        public void ConnectionLost(long lastCommitted)
        {
            _ledger.ConnectionLost();
            _inFlight.Clear();
            _planner.Connected(lastCommitted);
            _liveAfter = lastCommitted;
        }
    }

    public void Dispose() => _folder.Dispose();
}
