using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.BrowserTests.Support;

/// <summary>
/// Writes readings through the gateway's own store and writer before the gateway starts: a week of soil moisture
/// from a probe every 30 minutes, ending an hour ago, and a few minutes of water quality from a well.
/// </summary>
public static class SeededReadings
{
    public const string SoilProbe = "field-probe";
    public const string Well = "well";
    public static readonly TimeSpan SoilInterval = TimeSpan.FromMinutes(30);

    public static async Task<SeededWeek> WriteAsync(string databaseFile)
    {
        var now = DateTimeOffset.UtcNow;
        var weekEnd = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-1);
        var weekStart = weekEnd.AddDays(-7);
        var soil = new List<NewReading>();
        for (var at = weekStart; at < weekEnd; at += SoilInterval)
        {
            // A slow drying curve with a daily wobble: between about 30 % and 60 %.
            var days = (at - weekStart).TotalDays;
            var value = Math.Round(60 - (4 * days) + (3 * Math.Sin(days * 2 * Math.PI)), 1);
            soil.Add(new NewReading(SoilProbe, "soil-moisture", "%", value, ReadingQuality.Good, at, (long)(at - weekStart).TotalMilliseconds));
        }

        var wellAt = now.AddMinutes(-2);
        NewReading[] water =
        [
            new(Well, "ph", "pH", 7.2, ReadingQuality.Good, wellAt, 1),
            new(Well, "turbidity", "NTU", 3.2, ReadingQuality.Good, wellAt, 1),
            new(Well, "tds", "mg/L", 420, ReadingQuality.Good, wellAt, 1),
            new(Well, "water-temperature", "Cel", 24.5, ReadingQuality.Good, wellAt, 1),
        ];

        var options = new StorageOptions { Path = databaseFile, CommitInterval = TimeSpan.FromMilliseconds(20) };
        var connections = new SqliteConnections(databaseFile, options.Synchronous);
        var state = StoreOpener.Open(connections, "gw-browser-test", new BootIdentity("seed-boot"), TimeProvider.System);
        var writer = new ReadingWriter(connections, Options.Create(options), state, new CommitSignal(state), TimeProvider.System, NullLogger<ReadingWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        await writer.AppendAsync(soil, CancellationToken.None);
        await writer.AppendAsync(water, CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);
        writer.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new SeededWeek(weekStart, weekEnd, soil.Count);
    }
}

public sealed record SeededWeek(DateTimeOffset Start, DateTimeOffset End, int SoilReadings);
