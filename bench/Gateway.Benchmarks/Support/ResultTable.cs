namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>A small aligned text table: the one output format of every command.</summary>
public sealed class ResultTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params object[] cells) =>
        _rows.Add([.. cells.Select(c => c switch
        {
            double d => Format(d),
            float f => Format(f),
            _ => c?.ToString() ?? "",
        })]);

    public void Print(string title)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(Line(headers, widths));
        Console.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            Console.WriteLine(Line(row, widths));
        }

        Console.WriteLine();
    }

    public static string Format(double value) => value switch
    {
        double.NaN => "n/a",
        >= 1000 => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Line(string[] cells, int[] widths) =>
        string.Join(" | ", widths.Select((w, i) => (i < cells.Length ? cells[i] : "").PadRight(w)));
}
