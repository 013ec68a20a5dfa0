using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Upstream.Drain;

/// <summary>Turns a <see cref="DrainPick"/> into a <see cref="Page"/>, reading at most one message's readings.</summary>
public sealed class PageReader(ReadingLog log, int maxReadings)
{
    public Page Read(DrainPick pick)
    {
        var (first, last) = (pick.Span.First, pick.Span.Last);
        var rows = log.ReadSpan(first, last, maxReadings, newestFirst: !pick.Ascending);
        if (rows.Count == 0)
        {
            return Page.Gap(first, last);
        }

        if (pick.Ascending)
        {
            if (rows[0].Sequence > first)
            {
                // Readings the store gave up (quota, corruption) before the first one it has.
                return Page.Gap(first, rows[0].Sequence - 1);
            }

            var run = 1;
            while (run < rows.Count && rows[run].Sequence == rows[run - 1].Sequence + 1)
            {
                run++;
            }

            return new Page(new(rows[0].Sequence, rows[run - 1].Sequence), rows.Take(run).ToList());
        }

        if (rows[0].Sequence < last)
        {
            return Page.Gap(rows[0].Sequence + 1, last);
        }

        var down = 1;
        while (down < rows.Count && rows[down].Sequence == rows[down - 1].Sequence - 1)
        {
            down++;
        }

        return new Page(new(rows[down - 1].Sequence, rows[0].Sequence), rows.Take(down).Reverse().ToList());
    }
}
