using System.Globalization;
using SmartVillage.Gateway.Storage;
using SmartVillage.Gateway.Tests.Support;

namespace SmartVillage.Gateway.Tests.Storage;

/// <summary>The SQLite settings that decide how much reaches the SD card, read back from a real database file.</summary>
public sealed class StoreSettingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_new_database_uses_small_pages_a_fsynced_wal_and_the_stated_checkpoint_policy()
    {
        var path = _folder.File("r.db");
        await using var store = await TestStore.StartAsync(path, new StorageOptions { CommitInterval = TimeSpan.Zero });
        await store.Writer.AppendAsync([TestStore.Reading()], default);

        Assert.Equal("1024", Pragma(store, "page_size"));
        Assert.Equal("wal", Pragma(store, "journal_mode"));
        Assert.Equal("2", Pragma(store, "synchronous")); // FULL: the WAL is fsynced at every commit
        Assert.Equal("1000", Pragma(store, "wal_autocheckpoint"));
        Assert.Equal("4194304", Pragma(store, "journal_size_limit"));
        // Shared mode: the WAL index is the memory-mapped -shm file, so other processes can read the live file.
        Assert.True(File.Exists(path + "-shm"));
    }

    [Fact]
    public async Task With_exclusive_access_there_is_no_shared_memory_file_and_the_file_is_locked_against_other_processes()
    {
        var path = _folder.File("r.db");
        await using var store = await TestStore.StartAsync(path, new StorageOptions { CommitInterval = TimeSpan.Zero, ExclusiveAccess = true });
        await store.Writer.AppendAsync([TestStore.Reading(), TestStore.Reading()], default);

        // Readers inside the gateway still read while the writer holds the file (the WAL index is in this process's memory).
        Assert.Equal(2, store.Log.ReadAfter(0, 10).Count);
        Assert.Equal("wal", Pragma(store, "journal_mode"));
        Assert.True(File.Exists(path + "-wal"));
        Assert.False(File.Exists(path + "-shm"), "exclusive access keeps the WAL index out of the -shm file");
        // This process holds a POSIX write lock on SQLite's lock bytes of the file: no other process can even read it.
        var inode = ":" + Inode(path).ToString(CultureInfo.InvariantCulture) + " ";
        Assert.Contains(File.ReadLines("/proc/locks"), line =>
            line.Contains(inode, StringComparison.Ordinal) && line.Contains(" WRITE ", StringComparison.Ordinal) &&
            line.Contains(" " + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal));
    }

    private static string Pragma(TestStore store, string name)
    {
        using var connection = store.Connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    private static long Inode(string path)
    {
        // stat's %i: the inode number /proc/locks names the file by.
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        var output = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return long.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _folder.Dispose();
}
