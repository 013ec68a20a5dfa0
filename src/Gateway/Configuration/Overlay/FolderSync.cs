using System.Runtime.InteropServices;

namespace SmartVillage.Gateway.Configuration.Overlay;

/// <summary>
/// fsync of a folder, so a rename in it reaches the card. .NET opens no handle on a folder, hence libc directly.
/// Best effort: a file system that refuses (some FUSE mounts) still has the renamed file's data on disk.
/// </summary>
internal static partial class FolderSync
{
    // O_RDONLY opens a folder on Linux; O_DIRECTORY is left out because its value differs between x64 and arm.
    private const int ReadOnly = 0;

    public static bool Flush(string folder)
    {
        var descriptor = Open(folder, ReadOnly);
        if (descriptor < 0)
        {
            return false;
        }

        try
        {
            return Fsync(descriptor) == 0;
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int descriptor);
}
