namespace SmartVillage.Gateway.Benchmarks.Support;

public static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>"3 runs: 1, 2, 3" so a reader sees the spread behind a median.</summary>
    public static string Spread(IReadOnlyList<double> values) => string.Join(" / ", values.Select(ResultTable.Format));
}
