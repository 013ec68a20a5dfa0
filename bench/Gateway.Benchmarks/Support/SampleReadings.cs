using SmartVillage.Gateway.Readings;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>
/// Readings shaped like a kit's: BME280 reads (temperature, humidity, pressure) from several sensors, with realistic
/// values and times, so that row sizes and SenML sizes are the field's, not a benchmark's zeros.
/// </summary>
public sealed class SampleReadings(int sensors = 8, int seed = 1)
{
    private static readonly (string Quantity, string Unit, double Base, double Swing)[] Bme280 =
    [
        ("temperature", "Cel", 21.5, 6),
        ("humidity", "%RH", 55, 20),
        ("pressure", "Pa", 101325, 900),
    ];

    private readonly Random _random = new(seed);
    private readonly DateTimeOffset _start = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);
    private long _reads;

    /// <summary>The three readings of one BME280 read, from sensor (read number modulo sensors).</summary>
    public NewReading[] NextRead()
    {
        var read = _reads++;
        var sensor = $"weather-{(read % sensors) + 1}";
        var time = _start.AddMilliseconds(read * 1000 / sensors);
        var monotonic = 5_000_000 + (read * 1000 / sensors);
        var result = new NewReading[Bme280.Length];
        for (var i = 0; i < Bme280.Length; i++)
        {
            var (quantity, unit, @base, swing) = Bme280[i];
            var value = Math.Round(@base + ((_random.NextDouble() - 0.5) * swing), i == 2 ? 1 : 2);
            result[i] = new NewReading(sensor, quantity, unit, value, ReadingQuality.Good, time, monotonic);
        }

        return result;
    }

    /// <summary>At least <paramref name="count"/> readings, in whole reads, as append groups of up to <paramref name="perGroup"/>.</summary>
    public List<NewReading[]> Groups(long count, int perGroup)
    {
        var groups = new List<NewReading[]>();
        var current = new List<NewReading>(perGroup);
        for (long made = 0; made < count;)
        {
            foreach (var reading in NextRead())
            {
                current.Add(reading);
                made++;
                if (current.Count == perGroup)
                {
                    groups.Add([.. current]);
                    current.Clear();
                }
            }
        }

        if (current.Count > 0)
        {
            groups.Add([.. current]);
        }

        return groups;
    }
}
