using SmartVillage.Gateway.Storage.Acknowledgements;

namespace SmartVillage.Gateway.Tests.Storage.Acknowledgements;

public sealed class SequenceSetTests
{
    [Fact]
    public void Spans_that_overlap_or_touch_merge_into_one()
    {
        var set = SequenceSet.Of([new(10, 20), new(30, 40), new(21, 25)]);

        Assert.True(set.Add(new SequenceSpan(26, 29)));
        Assert.False(set.Add(new SequenceSpan(12, 18)));

        Assert.Equal([new SequenceSpan(10, 40)], set.Spans);
    }

    [Fact]
    public void The_prefix_is_the_span_that_starts_at_one()
    {
        var set = SequenceSet.Of([new(5, 9)]);
        Assert.Equal(0, set.Prefix);

        set.Add(new SequenceSpan(1, 4));

        Assert.Equal(9, set.Prefix);
    }

    [Fact]
    public void The_lowest_and_highest_missing_runs_stop_at_acknowledged_spans()
    {
        var set = SequenceSet.Of([new(1, 10), new(50, 60), new(90, 100)]);

        Assert.Equal(new SequenceSpan(11, 49), set.LowestMissing(1, 100));
        Assert.Equal(new SequenceSpan(61, 89), set.HighestMissing(1, 100));
        Assert.Equal(new SequenceSpan(101, 120), set.HighestMissing(1, 120));
        Assert.Equal(new SequenceSpan(55, 55), new SequenceSet().LowestMissing(55, 55));
        Assert.Null(set.LowestMissing(90, 100));
        Assert.Null(set.HighestMissing(1, 10));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Every_operation_agrees_with_a_plain_set_of_numbers(int seed)
    {
        var random = new Random(seed);
        var set = new SequenceSet();
        var other = new SequenceSet();
        var model = new HashSet<long>();
        var otherModel = new HashSet<long>();
        for (var step = 0; step < 400; step++)
        {
            var first = random.NextInt64(1, 200);
            var span = new SequenceSpan(first, first + random.NextInt64(0, 12));
            var (target, targetModel) = random.Next(3) == 0 ? (other, otherModel) : (set, model);
            var added = Numbers(span).Any(n => !targetModel.Contains(n));
            Assert.Equal(added, target.Add(span));
            targetModel.UnionWith(Numbers(span));

            AssertNormalised(set);
            var (lo, hi) = (random.NextInt64(1, 220), 0L);
            hi = lo + random.NextInt64(0, 40);
            var missing = Numbers(new(lo, hi)).Where(n => !model.Contains(n)).ToList();
            Assert.Equal(missing.Count == 0 ? null : Run(missing, lowest: true), set.LowestMissing(lo, hi));
            Assert.Equal(missing.Count == 0 ? null : Run(missing, lowest: false), set.HighestMissing(lo, hi));
            Assert.Equal(Numbers(new(lo, hi)).Count(model.Contains), set.CountWithin(lo, hi));
            Assert.Equal(Numbers(new(lo, hi)).Any(model.Contains), set.Overlaps(new(lo, hi)));
            Assert.Equal(model.Contains(lo), set.Contains(lo));
            Assert.Equal(Enumerable.Range(1, 260).TakeWhile(n => model.Contains(n)).LongCount(), set.Prefix);
        }

        var both = set.Intersect(other);
        AssertNormalised(both);
        Assert.Equal(model.Intersect(otherModel).Order(), both.Spans.SelectMany(Numbers));
    }

    private static SequenceSpan Run(List<long> missing, bool lowest)
    {
        // The run of consecutive missing numbers at the low (or high) end.
        var ordered = lowest ? missing : missing.AsEnumerable().Reverse().ToList();
        var end = ordered[0];
        foreach (var n in ordered.Skip(1))
        {
            if (Math.Abs(n - end) != 1)
            {
                break;
            }

            end = n;
        }

        return lowest ? new SequenceSpan(ordered[0], end) : new SequenceSpan(end, ordered[0]);
    }

    private static void AssertNormalised(SequenceSet set)
    {
        for (var i = 1; i < set.Spans.Count; i++)
        {
            Assert.True(set.Spans[i].First > set.Spans[i - 1].Last + 1, $"spans {set.Spans[i - 1]} and {set.Spans[i]} should have been merged");
        }
    }

    private static IEnumerable<long> Numbers(SequenceSpan span)
    {
        for (var n = span.First; n <= span.Last; n++)
        {
            yield return n;
        }
    }
}
