namespace SmartVillage.Gateway.Storage.Acknowledgements;

/// <summary>
/// A set of sequence numbers kept as sorted, disjoint, non-adjacent spans: what one upstream has acknowledged.
/// Draining oldest-first it is one span from 1 (the cursor); draining newest-first, or with live readings sent
/// ahead of a backlog, it is that prefix plus a few spans above it, one per outage not yet drained.
/// Not thread-safe: one owner.
/// </summary>
public sealed class SequenceSet
{
    private readonly List<SequenceSpan> _spans;

    public SequenceSet()
        : this([])
    {
    }

    private SequenceSet(List<SequenceSpan> spans) => _spans = spans;

    public IReadOnlyList<SequenceSpan> Spans => _spans;

    /// <summary>Every sequence number from 1 to this one is in the set (0 when 1 is not).</summary>
    public long Prefix => _spans is [{ First: <= 1 } first, ..] ? first.Last : 0;

    public bool IsEmpty => _spans.Count == 0;

    public static SequenceSet Of(IEnumerable<SequenceSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var set = new SequenceSet();
        foreach (var span in spans)
        {
            set.Add(span);
        }

        return set;
    }

    public SequenceSet Clone() => new([.. _spans]);

    /// <summary>Adds a span, merging it with the spans it overlaps or touches. Returns false when it was all there already.</summary>
    public bool Add(SequenceSpan span)
    {
        // The first span that overlaps or touches the new one, and one past the last that does.
        var start = IndexOfFirstEndingAtOrAfter(span.First == long.MinValue ? span.First : span.First - 1);
        var end = start;
        var first = span.First;
        var last = span.Last;
        while (end < _spans.Count && _spans[end].First <= (span.Last == long.MaxValue ? span.Last : span.Last + 1))
        {
            first = Math.Min(first, _spans[end].First);
            last = Math.Max(last, _spans[end].Last);
            end++;
        }

        if (end - start == 1 && _spans[start].First == first && _spans[start].Last == last)
        {
            return false;
        }

        _spans.RemoveRange(start, end - start);
        _spans.Insert(start, new SequenceSpan(first, last));
        return true;
    }

    public bool Contains(long sequence)
    {
        var index = IndexOfFirstEndingAtOrAfter(sequence);
        return index < _spans.Count && _spans[index].First <= sequence;
    }

    /// <summary>True when any number of <paramref name="span"/> is in the set.</summary>
    public bool Overlaps(SequenceSpan span)
    {
        var index = IndexOfFirstEndingAtOrAfter(span.First);
        return index < _spans.Count && _spans[index].First <= span.Last;
    }

    /// <summary>How many numbers from <paramref name="first"/> to <paramref name="last"/> are in the set.</summary>
    public long CountWithin(long first, long last)
    {
        long count = 0;
        for (var i = IndexOfFirstEndingAtOrAfter(first); i < _spans.Count && _spans[i].First <= last; i++)
        {
            count += Math.Min(last, _spans[i].Last) - Math.Max(first, _spans[i].First) + 1;
        }

        return count;
    }

    /// <summary>The lowest run of numbers between <paramref name="first"/> and <paramref name="last"/> that are not in the set.</summary>
    public SequenceSpan? LowestMissing(long first, long last)
    {
        var index = IndexOfFirstEndingAtOrAfter(first);
        var from = first;
        if (index < _spans.Count && _spans[index].First <= from)
        {
            from = _spans[index].Last + 1;
            index++;
        }

        if (from > last)
        {
            return null;
        }

        return new SequenceSpan(from, index < _spans.Count ? Math.Min(last, _spans[index].First - 1) : last);
    }

    /// <summary>The highest run of numbers between <paramref name="first"/> and <paramref name="last"/> that are not in the set.</summary>
    public SequenceSpan? HighestMissing(long first, long last)
    {
        var index = IndexOfFirstEndingAtOrAfter(last);
        var to = last;
        if (index < _spans.Count && _spans[index].First <= to)
        {
            to = _spans[index].First - 1;
        }

        if (to < first)
        {
            return null;
        }

        // The span just below `to`, if any, bounds the run from underneath.
        var below = IndexOfFirstEndingAtOrAfter(to) - 1;
        return new SequenceSpan(below >= 0 ? Math.Max(first, _spans[below].Last + 1) : first, to);
    }

    /// <summary>The numbers in both sets.</summary>
    public SequenceSet Intersect(SequenceSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new List<SequenceSpan>();
        var (i, j) = (0, 0);
        while (i < _spans.Count && j < other._spans.Count)
        {
            var (a, b) = (_spans[i], other._spans[j]);
            var first = Math.Max(a.First, b.First);
            var last = Math.Min(a.Last, b.Last);
            if (first <= last)
            {
                result.Add(new SequenceSpan(first, last));
            }

            if (a.Last < b.Last)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return new SequenceSet(result);
    }

    public override string ToString() => _spans.Count == 0 ? "(none)" : string.Join(", ", _spans);

    /// <summary>Binary search: the index of the first span whose last number is at or after <paramref name="sequence"/>.</summary>
    private int IndexOfFirstEndingAtOrAfter(long sequence)
    {
        var (low, high) = (0, _spans.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_spans[middle].Last < sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
