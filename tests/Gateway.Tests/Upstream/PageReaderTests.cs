using SmartVillage.Gateway.Storage.Acknowledgements;
using SmartVillage.Gateway.Tests.Support;
using SmartVillage.Gateway.Upstream.Drain;

namespace SmartVillage.Gateway.Tests.Upstream;

public sealed class PageReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_page_is_consecutive_readings_and_a_hole_in_the_log_becomes_a_gap_page_in_either_direction()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"));
        await store.Writer.AppendAsync(Enumerable.Range(1, 30).Select(v => TestStore.Reading(value: v)).ToList(), default);
        RemoveRows(store, 11, 15);
        var pages = new PageReader(store.Log, maxReadings: 50);

        Assert.Equal(new SequenceSpan(1, 10), pages.Read(Ascending(1, 30)).Span);
        Assert.True(pages.Read(Ascending(11, 30)) is { IsGap: true, Span: { First: 11, Last: 15 } });
        var newest = pages.Read(Descending(1, 30));
        Assert.Equal(new SequenceSpan(16, 30), newest.Span);
        Assert.Equal(Enumerable.Range(16, 15).Select(v => (double)v), newest.Readings.Select(r => r.Value));
        Assert.True(pages.Read(Descending(1, 15)) is { IsGap: true, Span: { First: 11, Last: 15 } });
        Assert.True(pages.Read(Descending(11, 15)) is { IsGap: true, Span: { First: 11, Last: 15 } });
    }

    [Fact]
    public async Task A_page_holds_at_most_one_message_of_readings_from_the_end_it_starts_at()
    {
        await using var store = await TestStore.StartAsync(_folder.File("r.db"));
        await store.Writer.AppendAsync(Enumerable.Range(1, 30).Select(v => TestStore.Reading(value: v)).ToList(), default);
        var pages = new PageReader(store.Log, maxReadings: 8);

        Assert.Equal(new SequenceSpan(5, 12), pages.Read(Ascending(5, 30)).Span);
        Assert.Equal(new SequenceSpan(23, 30), pages.Read(Descending(5, 30)).Span);
    }

    private static DrainPick Ascending(long first, long last) => new(new(first, last), Ascending: true, Live: false);

    private static DrainPick Descending(long first, long last) => new(new(first, last), Ascending: false, Live: false);

    private static void RemoveRows(TestStore store, long first, long last)
    {
        using var connection = store.Connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM readings WHERE seq BETWEEN {first} AND {last}";
        command.ExecuteNonQuery();
    }

    public void Dispose() => _folder.Dispose();
}
