using SmartVillage.Gateway.Readings;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Benchmarks.History;

/// <summary>
/// A kit's worth of series read on a fixed cadence for a number of days up to now, with daily cycles and noise, so
/// that the rollups and the raw scan work on the rows a real gateway would have after that long.
/// </summary>
public sealed class HistorySeed(int days, int seriesCount, TimeSpan interval, int seed = 3)
{
    private static readonly (string Sensor, string Quantity, string Unit, double Base, double Swing)[] Kit =
    [
        ("weather-1", "temperature", "Cel", 24, 8),
        ("weather-1", "humidity", "%RH", 60, 25),
        ("weather-1", "pressure", "Pa", 101325, 400),
        ("soil-1", "soil-moisture", "%", 35, 10),
        ("soil-1", "soil-temperature", "Cel", 22, 4),
        ("water-1", "ph", "pH", 7.2, 0.4),
        ("water-1", "turbidity", "NTU", 2, 1.5),
        ("weather-2", "temperature", "Cel", 23, 8),
        ("weather-2", "humidity", "%RH", 58, 25),
        ("weather-2", "pressure", "Pa", 101300, 400),
    ];

    public static (string Sensor, string Quantity) Series(int index) => (Name(index).Sensor, Name(index).Quantity);

    /// <summary>Readings per series.</summary>
    public long PerSeries => (long)(TimeSpan.FromDays(days) / interval);

    /// <summary>All readings, oldest first, in append groups of <paramref name="perGroup"/>, ending at <paramref name="now"/>.</summary>
    public IEnumerable<NewReading[]> Groups(DateTimeOffset now, int perGroup)
    {
        var random = new Random(seed);
        var start = now - (interval * PerSeries);
        var group = new List<NewReading>(perGroup);
        for (long tick = 0; tick < PerSeries; tick++)
        {
            var time = start + (interval * tick);
            var dayPhase = 2 * Math.PI * (time.TimeOfDay.TotalHours - 9) / 24;
            for (var s = 0; s < seriesCount; s++)
            {
                var (sensor, quantity, unit, @base, swing) = Name(s);
                var value = Math.Round(@base + (swing * 0.5 * Math.Sin(dayPhase)) + ((random.NextDouble() - 0.5) * swing * 0.1), 2);
                var quality = random.Next(500) == 0 ? ReadingQuality.SensorError : ReadingQuality.Good;
                group.Add(new NewReading(sensor, quantity, unit, value, quality, time, tick * (long)interval.TotalMilliseconds));
                if (group.Count == perGroup)
                {
                    yield return [.. group];
                    group.Clear();
                }
            }
        }

        if (group.Count > 0)
        {
            yield return [.. group];
        }
    }

    private static (string Sensor, string Quantity, string Unit, double Base, double Swing) Name(int index)
    {
        var kit = Kit[index % Kit.Length];
        return index < Kit.Length ? kit : kit with { Sensor = $"{kit.Sensor}-{index / Kit.Length}" };
    }
}
