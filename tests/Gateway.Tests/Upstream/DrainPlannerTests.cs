using SmartVillage.Gateway.Storage.Acknowledgements;
using SmartVillage.Gateway.Upstream.Drain;

namespace SmartVillage.Gateway.Tests.Upstream;

public sealed class DrainPlannerTests
{
    [Fact]
    public void Oldest_first_sends_the_backlog_from_its_lowest_unacknowledged_reading()
    {
        var planner = new DrainPlanner(DrainOrder.OldestFirst);
        planner.Connected(lastCommitted: 1000);

        var pick = planner.Next(SequenceSet.Of([new(1, 100), new(500, 600)]), 1000);

        Assert.Equal(new DrainPick(new(101, 499), Ascending: true, Live: false), pick);
    }

    [Fact]
    public void Newest_first_sends_the_backlog_from_its_highest_unacknowledged_reading()
    {
        var planner = new DrainPlanner(DrainOrder.NewestFirst);
        planner.Connected(lastCommitted: 1000);

        Assert.Equal(new DrainPick(new(101, 1000), Ascending: false, Live: false), planner.Next(SequenceSet.Of([new(1, 100)]), 1000));
        Assert.Equal(new DrainPick(new(601, 949), Ascending: false, Live: false), planner.Next(SequenceSet.Of([new(1, 100), new(500, 600), new(950, 1000)]), 1000));
    }

    [Theory]
    [InlineData(DrainOrder.OldestFirst)]
    [InlineData(DrainOrder.NewestFirst)]
    public void Readings_committed_after_the_connection_came_up_go_ahead_of_the_backlog(DrainOrder order)
    {
        var planner = new DrainPlanner(order);
        planner.Connected(lastCommitted: 1000);

        var pick = planner.Next(SequenceSet.Of([new(1, 100), new(1001, 1010)]), 1030);

        Assert.Equal(new DrainPick(new(1011, 1030), Ascending: true, Live: true), pick);
    }

    [Fact]
    public void Nothing_is_picked_when_everything_committed_is_acknowledged_or_in_flight()
    {
        var planner = new DrainPlanner(DrainOrder.NewestFirst);
        planner.Connected(lastCommitted: 0);

        Assert.Null(planner.Next(new SequenceSet(), 0));
        Assert.Null(planner.Next(SequenceSet.Of([new(1, 50)]), 50));
    }
}
