using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Tests.Support;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Nodes;

public sealed class NodeIngestorTests : IDisposable
{
    private static readonly DateTimeOffset s_when = new(2026, 6, 1, 6, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(s_when);

    private NodeIngestor Ingestor(TestStore store) => new(
        new NodeRegistry([new NodeOptions { Id = "plot-7", Address = 7 }], _time),
        store.Writer, Options.Create(new AcquisitionOptions()), _time, NullLogger<NodeIngestor>.Instance);

    private static NodeFrame Frame(long counter, DateTimeOffset time) =>
        new("plot-7", "lora", [new Measurement("temperature_1", "Cel", 21.5), new Measurement("battery", "V", 3.9)], time, false,
            new FrameCounter(counter, 16), -97, 7.25);

    [Fact]
    public async Task A_frame_is_stored_under_the_node_id_with_its_time_and_link_quality_recorded()
    {
        await using var store = await TestStore.StartAsync(_folder.File("n.db"));
        var ingestor = Ingestor(store);

        Assert.Equal(IngestOutcome.Stored, await ingestor.IngestAsync(Frame(1, s_when), ReadingQuality.Good, default));

        var stored = store.Log.ReadAfter(0, 10);
        Assert.Equal(["plot-7", "plot-7"], stored.Select(r => r.SensorId));
        Assert.All(stored, r => Assert.Equal(s_when, r.Time));
        var node = ingestor.Registry.Find("plot-7")!;
        Assert.Equal((-97.0, 7.25, 3.9), (node.RssiDbm, node.SnrDb, node.Battery));
    }

    [Fact]
    public async Task A_duplicate_frame_is_suppressed_and_nothing_more_is_stored()
    {
        await using var store = await TestStore.StartAsync(_folder.File("n.db"));
        var ingestor = Ingestor(store);
        await ingestor.IngestAsync(Frame(5, s_when), ReadingQuality.Good, default);

        Assert.Equal(IngestOutcome.Suppressed, await ingestor.IngestAsync(Frame(5, s_when), ReadingQuality.Good, default));

        Assert.Equal(2, store.Log.ReadAfter(0, 10).Count);
        Assert.Equal(1, ingestor.Registry.Find("plot-7")!.Duplicates);
    }

    [Fact]
    public async Task A_frame_stamped_before_the_clock_is_trusted_is_flagged()
    {
        await using var store = await TestStore.StartAsync(_folder.File("n.db"));

        await Ingestor(store).IngestAsync(Frame(1, DateTimeOffset.UnixEpoch), ReadingQuality.Good, default);

        Assert.All(store.Log.ReadAfter(0, 10), r => Assert.True(r.Quality.HasFlag(ReadingQuality.ClockUntrusted)));
    }

    [Fact]
    public async Task A_non_finite_value_rejects_the_frame_with_a_reason()
    {
        await using var store = await TestStore.StartAsync(_folder.File("n.db"));
        var ingestor = Ingestor(store);
        var frame = new NodeFrame("plot-7", "lora", [new Measurement("x", "", double.NaN)], s_when, false);

        Assert.Equal(IngestOutcome.Rejected, await ingestor.IngestAsync(frame, ReadingQuality.Good, default));

        Assert.Empty(store.Log.ReadAfter(0, 10));
        Assert.Contains("NaN", ingestor.Registry.Find("plot-7")!.LastRejection, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
