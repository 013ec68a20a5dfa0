using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.IntegrationTests.Support;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>The database on a real, tiny filesystem (tmpfs) that fills up, then gets room back.</summary>
public sealed class DiskFullTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private string _mount = "";

    public async Task InitializeAsync()
    {
        _mount = _folder.File("small-disk");
        Directory.CreateDirectory(_mount);
        // Needs root (CI and development machines run the tests as root); no skipping: a fault test that cannot run fails.
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=768k", "tmpfs", _mount);
    }

    [Fact]
    public async Task A_full_disk_reports_readings_not_stored_keeps_running_and_recovers_when_space_returns()
    {
        var filler = Path.Combine(_mount, "filler");
        var database = Path.Combine(_mount, "readings.db");
        // The kit's upstream points at a closed port: every reading stays undelivered, so none may be removed to make room.
        await using var gateway = GatewayProcess.Start(KitFiles.WriteFastWeatherKit(_folder.Path, FreePort.Next()), database);
        await Eventually.HoldsAsync(async () => await gateway.LastSequenceAsync() > 30, "readings were stored");

        // Fill the disk to the last byte: tmpfs refuses further writes with ENOSPC.
        await RunAsync("dd", "if=/dev/zero", $"of={filler}", "bs=4k", "status=none");
        await Eventually.HoldsAsync(async () => (await gateway.StatusAsync())?.GetProperty("failedCommits").GetInt64() > 2,
            "commits failed on the full disk", TimeSpan.FromSeconds(60));
        var sensor = (await gateway.StatusAsync())!.Value.GetProperty("sensors")[0];
        Assert.Contains("not stored", sensor.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.False(gateway.HasExited, "the gateway must keep running on a full disk");

        File.Delete(filler);
        var before = await gateway.LastSequenceAsync();
        await Eventually.HoldsAsync(async () => await gateway.LastSequenceAsync() > before + 60, "storing resumed once space returned", TimeSpan.FromSeconds(60));
        await gateway.StopAsync();

        // Every accepted reading is in the file, numbered without holes: failed commits used no sequence numbers.
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), max(seq) FROM readings";
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await RunAsync("umount", "-l", _mount);
    }

    public void Dispose() => _folder.Dispose();

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false, RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        // dd stops with "No space left on device": that is the point.
        if (process.ExitCode != 0 && !error.Contains("No space left", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }
    }
}
