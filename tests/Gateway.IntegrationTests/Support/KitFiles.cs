using System.Text.Json;

namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>Kit files for the tests: a fast simulated weather kit (two BME280s read ten times a second).</summary>
public static class KitFiles
{
    public const int MaxReadingsPerMessage = 20;
    public const int MaxInFlight = 5;

    public static string WriteFastWeatherKit(string folder, int brokerPort)
    {
        var kit = new
        {
            Name = "integration test kit",
            Hardware = "Simulated",
            Scenario = "clear-day",
            Sensors = new object[]
            {
                new { Id = "weather-a", Type = "bme280", Bus = 1, Address = "0x76", Interval = "00:00:00.1" },
                new { Id = "weather-b", Type = "bme280", Bus = 1, Address = "0x77", Interval = "00:00:00.1" },
            },
            Upstreams = new object[]
            {
                new
                {
                    Name = "coop",
                    Host = "127.0.0.1",
                    Port = brokerPort,
                    MaxReadingsPerMessage,
                    MaxInFlight,
                    ReconnectMinDelay = "00:00:00.2",
                    ReconnectMaxDelay = "00:00:01",
                    KeepAlive = "00:00:05",
                },
            },
        };
        return Write(folder, "kit.json", JsonSerializer.Serialize(kit));
    }

    public static string Write(string folder, string name, string json)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }
}
