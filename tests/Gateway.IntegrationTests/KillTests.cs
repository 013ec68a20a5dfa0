using System.Globalization;
using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.IntegrationTests.Support;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>
/// The gateway SIGKILLed over and over at random points, while ingesting and while draining a backlog, with the
/// broker going away and coming back in between. Afterwards the consumer must hold every sequence number, each with
/// one content, and the database must be intact. Cycles: <c>SV_KILL_CYCLES</c> (default 50; more in a long run).
/// </summary>
public sealed class KillTests : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(120);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Repeated_sigkills_during_ingest_and_drain_lose_nothing_and_reuse_no_sequence_number()
    {
        var cycles = int.Parse(Environment.GetEnvironmentVariable("SV_KILL_CYCLES") ?? "50", CultureInfo.InvariantCulture);
        var random = new Random(2026);
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        await using var consumer = await SenmlSubscriber.StartAsync(broker.Port);
        var kit = KitFiles.WriteFastWeatherKit(_folder.Path, broker.Port);
        var database = _folder.File("readings.db");
        long highestSeen = 0;
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            // Every tenth cycle the broker is away for three cycles, so some kills land while a backlog drains.
            if (cycle % 10 == 5)
            {
                await broker.StopAsync();
            }
            else if (cycle % 10 == 8)
            {
                await broker.StartAgainAsync();
            }

            await using var gateway = GatewayProcess.Start(kit, database);
            var killAfter = highestSeen + random.Next(1, 40);
            await Eventually.HoldsAsync(async () => await gateway.LastSequenceAsync() >= killAfter, $"cycle {cycle}: readings passed {killAfter}", s_patience);
            highestSeen = Math.Max(highestSeen, await gateway.LastSequenceAsync());
            gateway.KillHard();
        }

        await broker.StartAgainAsync();
        await using var last = GatewayProcess.Start(kit, database);
        await Eventually.HoldsAsync(async () => await last.AckedSequenceAsync() >= highestSeen + 30, "the backlog drained after the last kill", s_patience);
        var acked = await last.AckedSequenceAsync();
        await Eventually.HoldsAsync(() => consumer.Missing(acked).Count == 0, $"the consumer holds readings 1-{acked}", s_patience);
        await last.StopAsync();

        Assert.Equal(0, consumer.Conflicts);
        AssertDatabaseIntact(database);
    }

    private static void AssertDatabaseIntact(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", command.ExecuteScalar());
        command.CommandText = "SELECT count(*) = max(seq) FROM readings";
        Assert.Equal(1L, command.ExecuteScalar());
    }

    public void Dispose() => _folder.Dispose();
}
