using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace SmartVillage.Gateway.Benchmarks.Memory;

/// <summary>
/// The memory baseline: the least a .NET 10 gateway of this shape can be, a generic host doing nothing but holding
/// an MQTTnet client connected and a SQLite connection open (WAL), with the gateway's GC settings. Runs until SIGTERM.
/// Started by the memory command as <c>idle-host --port P --db file</c>.
/// </summary>
public static class IdleHost
{
    public static async Task<int> RunAsync(Support.CommandLine options)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        using var host = builder.Build();
        using var sqlite = new SqliteConnection($"Data Source={options.Get("db", "idle.db")}");
        sqlite.Open();
        using (var command = sqlite.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS t (x);";
            command.ExecuteNonQuery();
        }

        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", options.Get("port", 1883)).Build());
        Console.WriteLine("idle host ready");
        await host.RunAsync();
        return 0;
    }
}
