using Microsoft.Extensions.Time.Testing;
using SmartVillage.Gateway.Acquisition.Nodes;

namespace SmartVillage.Gateway.Tests.Nodes;

public sealed class NodeRegistryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 6, 0, 0, TimeSpan.Zero));

    private NodeRegistry Registry(TimeSpan? interval = null) =>
        new([new NodeOptions { Id = "plot-7", Address = 7, ReportInterval = interval }], _time);

    [Fact]
    public void A_repeated_frame_counter_is_a_duplicate_and_is_counted()
    {
        var registry = Registry();
        Assert.Equal(FrameVerdict.New, registry.CheckCounter("plot-7", "lora", new FrameCounter(42, 16)));

        Assert.Equal(FrameVerdict.Duplicate, registry.CheckCounter("plot-7", "lora", new FrameCounter(42, 16)));
        Assert.Equal(1, registry.Find("plot-7")!.Duplicates);
    }

    [Fact]
    public void An_older_frame_counter_is_a_replay_and_does_not_move_the_last_counter()
    {
        var registry = Registry();
        registry.CheckCounter("plot-7", "lora", new FrameCounter(500, 16));

        Assert.Equal(FrameVerdict.Replay, registry.CheckCounter("plot-7", "lora", new FrameCounter(300, 16)));
        Assert.Equal(1, registry.Find("plot-7")!.Replays);
        Assert.Equal(500, registry.Find("plot-7")!.LastFrameCounter);
    }

    [Fact]
    public void A_counter_back_near_zero_is_a_node_restart_and_is_accepted()
    {
        var registry = Registry();
        registry.CheckCounter("plot-7", "lora", new FrameCounter(500, 16));

        Assert.Equal(FrameVerdict.Restart, registry.CheckCounter("plot-7", "lora", new FrameCounter(0, 16)));
        Assert.Equal(FrameVerdict.New, registry.CheckCounter("plot-7", "lora", new FrameCounter(1, 16)));
        Assert.Equal(1, registry.Find("plot-7")!.Restarts);
    }

    [Fact]
    public void A_sixteen_bit_counter_that_wraps_is_still_new()
    {
        var registry = Registry();
        registry.CheckCounter("plot-7", "lora", new FrameCounter(65535, 16));

        Assert.Equal(FrameVerdict.New, registry.CheckCounter("plot-7", "lora", new FrameCounter(10, 16)));
    }

    [Fact]
    public void A_frame_forgotten_after_a_failed_commit_is_accepted_when_it_comes_again()
    {
        var registry = Registry();
        registry.CheckCounter("plot-7", "lora", new FrameCounter(41, 16));
        registry.CheckCounter("plot-7", "lora", new FrameCounter(42, 16), out var previous);

        registry.ForgetCounter("plot-7", "lora", 42, previous);

        Assert.Equal(FrameVerdict.New, registry.CheckCounter("plot-7", "lora", new FrameCounter(42, 16)));
    }

    [Fact]
    public void A_node_never_heard_is_never_seen_not_silent()
    {
        Assert.Equal(NodeHealthState.NeverSeen, Registry(TimeSpan.FromMinutes(1)).Find("plot-7")!.Health);
    }

    [Fact]
    public void A_node_heard_within_twice_its_interval_is_ok()
    {
        var registry = Registry(TimeSpan.FromMinutes(1));
        registry.Accepted("plot-7", "lora", _time.GetUtcNow(), -80, 7, 3, null);

        _time.Advance(TimeSpan.FromSeconds(119));

        Assert.Equal(NodeHealthState.Ok, registry.Find("plot-7")!.Health);
    }

    [Fact]
    public void A_node_not_heard_for_more_than_twice_its_interval_is_silent()
    {
        var registry = Registry(TimeSpan.FromMinutes(1));
        registry.Accepted("plot-7", "lora", _time.GetUtcNow(), -80, 7, 3, null);

        _time.Advance(TimeSpan.FromSeconds(121));

        Assert.Equal(NodeHealthState.Silent, registry.Find("plot-7")!.Health);
    }

    [Fact]
    public void A_node_without_a_report_interval_is_never_called_silent()
    {
        var registry = Registry();
        registry.Accepted("plot-7", "lora", _time.GetUtcNow(), -80, 7, 3, null);

        _time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(NodeHealthState.Ok, registry.Find("plot-7")!.Health);
    }

    [Fact]
    public void A_rejection_is_counted_per_node_with_its_last_reason()
    {
        var registry = Registry();
        registry.Rejected("plot-7", "lora", "first");
        registry.Rejected("plot-7", "lora", "unknown Cayenne LPP type 0x99 at byte 2");

        var node = registry.Find("plot-7")!;
        Assert.Equal(2, node.Rejected);
        Assert.Equal("unknown Cayenne LPP type 0x99 at byte 2", node.LastRejection);
    }

    [Fact]
    public void A_device_eui_maps_to_its_configured_node_or_else_to_lower_case_hex()
    {
        var registry = new NodeRegistry([new NodeOptions { Id = "pump", DevEui = "A8404194A1875FF3" }], _time);

        Assert.Equal("pump", registry.IdForDevEui("a8404194a1875ff3"));
        Assert.Equal("0101010101010101", registry.IdForDevEui("0101010101010101"));
    }
}
