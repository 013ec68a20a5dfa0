using System.Globalization;
using System.Text.Json;

namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>Kit files of simulated BME280s (three readings per read: temperature, humidity, pressure).</summary>
public static class Kits
{
    public const int ReadingsPerRead = 3;

    /// <summary>
    /// <paramref name="sensors"/> BME280s, each read every <paramref name="interval"/>, two per simulated I2C bus
    /// (0x76, 0x77); forwarding to <paramref name="brokerPort"/> with the product's upstream defaults when given.
    /// </summary>
    public static string WriteBme280Kit(string folder, int sensors, TimeSpan interval, int? brokerPort, string name = "kit.json")
    {
        var kit = new Dictionary<string, object>
        {
            ["Name"] = $"bench: {sensors} x BME280 every {interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s",
            ["Hardware"] = "Simulated",
            ["Scenario"] = "clear-day",
            ["Sensors"] = Enumerable.Range(0, sensors).Select(i => new
            {
                Id = $"weather-{i + 1}",
                Type = "bme280",
                Bus = 1 + (i / 2),
                Address = i % 2 == 0 ? "0x76" : "0x77",
                Interval = interval.ToString("c", CultureInfo.InvariantCulture),
            }).ToArray(),
            ["Upstreams"] = brokerPort is { } port
                ? new object[] { new { Name = "coop", Host = "127.0.0.1", Port = port, ReconnectMinDelay = "00:00:00.2", ReconnectMaxDelay = "00:00:02" } }
                : [],
        };
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, JsonSerializer.Serialize(kit));
        return path;
    }

    /// <summary>
    /// Sensors and interval giving about <paramref name="readingsPerSecond"/> readings per second from the real gateway,
    /// whose sensors read on a fixed cadence whatever the commit interval; intervals here are at least 0.3 s.
    /// </summary>
    public static (int Sensors, TimeSpan Interval) ForRate(double readingsPerSecond)
    {
        var perSensorMax = ReadingsPerRead / 0.3;
        var sensors = (int)Math.Max(1, Math.Ceiling(readingsPerSecond / perSensorMax));
        var period = sensors * ReadingsPerRead / readingsPerSecond;
        return (sensors, TimeSpan.FromSeconds(Math.Round(Math.Max(0.3, period), 3)));
    }
}
