using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SmartVillage.Gateway.Storage.Recovery;

/// <summary>Moves a damaged database aside, never deleting it: it is evidence, and may hold more than we salvage.</summary>
internal static class Quarantine
{
    /// <returns>The path the database now has.</returns>
    public static string MoveAside(string path, TimeProvider time)
    {
        SqliteConnection.ClearAllPools();
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var target = $"{path}.corrupt-{stamp}";
        for (var n = 2; File.Exists(target); n++)
        {
            target = $"{path}.corrupt-{stamp}-{n}";
        }

        File.Move(path, target);
        // The WAL and shared-memory files belong to the database by name: keep them with it.
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, target + suffix);
            }
        }

        return target;
    }
}
