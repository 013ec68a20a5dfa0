using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Storage.Acknowledgements;
using SmartVillage.Gateway.Tests.Support;

namespace SmartVillage.Gateway.Tests.Storage;

public sealed class CorruptionRecoveryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_damaged_database_is_moved_aside_salvaged_and_every_sequence_number_accounted_for()
    {
        var path = _folder.File("r.db");
        await WriteReadingsAsync(path, 5000, ackedByUpstream: 100);
        Damage(path, pages: 3);

        await using var store = await TestStore.StartAsync(path);
        var next = await store.Writer.AppendAsync([TestStore.Reading()], default);

        var alarm = Assert.Single(store.State.Alarms);
        Assert.Contains("damaged", alarm, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_folder.Path, "r.db.corrupt-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));
        var present = Sequences(store, "SELECT seq FROM readings");
        var gaps = Gaps(store);
        Assert.InRange(present.Count, 4000, 5000);
        Assert.All(Enumerable.Range(1, 5000).Select(i => (long)i),
            seq => Assert.True(present.Contains(seq) || gaps.Any(g => g.First <= seq && seq <= g.Last), $"sequence {seq} is neither stored nor a gap"));
        Assert.Equal(5001, next.First);
        Assert.Equal(100, store.Log.ReadCursor("coop"));
        Assert.Equal([new SequenceSpan(1, 100), new SequenceSpan(4001, 4100)], store.Log.ReadAcknowledged("coop").Spans);
    }

    [Fact]
    public async Task Salvage_keeps_the_rollups_so_lost_readings_stay_in_the_history_and_none_is_counted_twice()
    {
        var path = _folder.File("r.db");
        await WriteReadingsAsync(path, 5000, ackedByUpstream: 0, rollUp: true);
        Damage(path, pages: 3);

        await using var store = await TestStore.StartAsync(path);
        await store.Writer.MaintainNowAsync(default);

        Assert.Single(store.State.Alarms);
        Assert.InRange(Sequences(store, "SELECT seq FROM readings").Count, 4000, 4999);
        var hour = Assert.Single(RollupTable.Read(store.Connections));
        Assert.Equal((5000L, Enumerable.Range(0, 5000).Sum(n => (double)n)), (hour.Usable, hour.Sum));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_moved_aside_and_the_gateway_starts_fresh()
    {
        var path = _folder.File("r.db");
        await File.WriteAllTextAsync(path, "this is not a database, it is a shopping list: rice, salt, batteries");

        await using var store = await TestStore.StartAsync(path);
        var first = await store.Writer.AppendAsync([TestStore.Reading()], default);

        Assert.Single(store.State.Alarms);
        Assert.Equal(1, first.First);
        Assert.Contains("shopping list", await File.ReadAllTextAsync(Directory.GetFiles(_folder.Path, "r.db.corrupt-*")[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_healthy_database_raises_no_alarm()
    {
        var path = _folder.File("r.db");
        await WriteReadingsAsync(path, 10, ackedByUpstream: 0);

        await using var store = await TestStore.StartAsync(path);

        Assert.Empty(store.State.Alarms);
        Assert.Empty(Directory.GetFiles(_folder.Path, "r.db.corrupt-*"));
    }

    private static async Task WriteReadingsAsync(string path, int count, long ackedByUpstream, bool rollUp = false)
    {
        await using (var store = await TestStore.StartAsync(path))
        {
            for (var i = 0; i < count; i += 500)
            {
                await store.Writer.AppendAsync(Enumerable.Range(i, 500).Select(n => TestStore.Reading(value: n)).ToList(), default);
            }

            if (rollUp)
            {
                await store.Writer.MaintainNowAsync(default);
            }

            if (ackedByUpstream > 0)
            {
                // Committed when the store stops: the writer drains its queue.
                await store.Writer.AdvanceCursorAsync("coop", ackedByUpstream, default);
                // And a span above it, as a newest-first drain leaves: it must survive the salvage too.
                await store.Writer.AcknowledgeAsync("coop", [new SequenceSpan(count - 999, count - 900)], default);
            }
        }

        // Put everything in the main file, as after a checkpoint, so the damage below hits real pages.
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        checkpoint.ExecuteNonQuery();
    }

    /// <summary>Overwrites whole pages in the middle of the file with noise, as a failing SD card does.</summary>
    private static void Damage(string path, int pages)
    {
        SqliteConnection.ClearAllPools();
        const int pageSize = 4096;
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var middlePage = file.Length / pageSize / 2;
        var noise = new byte[pageSize * pages];
        new Random(7).NextBytes(noise);
        file.Position = middlePage * pageSize;
        file.Write(noise);
    }

    private static HashSet<long> Sequences(TestStore store, string sql)
    {
        using var connection = store.Connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var set = new HashSet<long>();
        while (reader.Read())
        {
            set.Add(reader.GetInt64(0));
        }

        return set;
    }

    private static List<(long First, long Last)> Gaps(TestStore store)
    {
        using var connection = store.Connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT first_seq, last_seq FROM gaps WHERE reason = 'corruption'";
        using var reader = command.ExecuteReader();
        var gaps = new List<(long, long)>();
        while (reader.Read())
        {
            gaps.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return gaps;
    }

    public void Dispose() => _folder.Dispose();
}
