using System.Globalization;

namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>
/// Per-process figures from /proc. <c>write_bytes</c> counts bytes the process caused to be sent to the storage layer
/// (page-cache pages it dirtied, so a small write into a clean page counts the whole page): SQLite's WAL frames,
/// its checkpoints into the main file, anything else the process writes. Not counted: the file system's own journal.
/// </summary>
public static class ProcFs
{
    public static long WriteBytes(int pid) => Field($"/proc/{pid}/io", "write_bytes:");

    public static long WriteBytesOfSelf() => Field("/proc/self/io", "write_bytes:");

    /// <summary>Resident set size in bytes.</summary>
    public static long ResidentBytes(int pid) => Field($"/proc/{pid}/status", "VmRSS:") * 1024;

    /// <summary>Anonymous resident bytes (heap, JIT code, decompressed assemblies): what cannot be dropped under pressure without swap.</summary>
    public static long ResidentAnonymousBytes(int pid) => Field($"/proc/{pid}/status", "RssAnon:") * 1024;

    private static long Field(string file, string name)
    {
        foreach (var line in File.ReadLines(file))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                var value = line[name.Length..].Trim().Split(' ')[0];
                return long.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{name} not found in {file}");
    }
}
