using System.Diagnostics;
using System.Globalization;

namespace SmartVillage.Gateway.Benchmarks.Disk;

/// <summary>
/// A fresh ext4 file system of its own (mounted <c>noatime</c>, as Raspberry Pi OS mounts its root), on a loop device
/// over a file in <c>/dev/shm</c>. One per measured gateway: its block device counts every byte that reaches the
/// "card", the file system's journal and metadata included, which /proc io does not see; and its page cache starts
/// empty, so no earlier use of the disk shapes the figures. Needs root, <c>losetup</c> and <c>mkfs.ext4</c>.
/// </summary>
public sealed class LoopDisk : IAsyncDisposable
{
    /// <summary>losetup --find can hand the same free device to two callers at once: one creation at a time.</summary>
    private static readonly SemaphoreSlim s_creating = new(1, 1);
    private readonly string _image;
    private readonly string _device;

    private LoopDisk(string image, string device, string mountPoint)
    {
        _image = image;
        _device = device;
        MountPoint = mountPoint;
    }

    public string MountPoint { get; }

    /// <summary>Bytes written to the block device so far (its sectors written, from /sys/block).</summary>
    public long WrittenBytes
    {
        get
        {
            var fields = File.ReadAllText($"/sys/block/{Path.GetFileName(_device)}/stat").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(fields[6], CultureInfo.InvariantCulture) * 512;
        }
    }

    public static async Task<LoopDisk> CreateAsync(string mountPoint, int megabytes = 256)
    {
        var image = $"/dev/shm/sv-bench-disk-{Guid.NewGuid().ToString("N")[..8]}.img";
        await using (var file = File.Create(image))
        {
            file.SetLength(megabytes * 1024L * 1024);
        }

        await RunAsync("mkfs.ext4", "-q", "-F", image);
        await s_creating.WaitAsync();
        try
        {
            var device = (await RunAsync("losetup", "--find", "--show", image)).Trim();
            Directory.CreateDirectory(mountPoint);
            await RunAsync("mount", "-o", "noatime", device, mountPoint);
            return new LoopDisk(image, device, mountPoint);
        }
        finally
        {
            s_creating.Release();
        }
    }

    /// <summary>Writes everything dirty on this file system to its device (syncfs), so the device's count is complete.</summary>
    public Task SyncAsync() => RunAsync("sync", "-f", MountPoint);

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", "-l", MountPoint);
        await RunAsync("losetup", "-d", _device);
        File.Delete(_image);
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Trim()} (the --loop option needs root)");
    }
}
