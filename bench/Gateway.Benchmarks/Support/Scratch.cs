namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>
/// A folder for one benchmark's files, under <c>--dir</c> (default: the temp folder), so that "the same disk" is the
/// one the operator chose. Deleted at the end unless <c>--keep</c>.
/// </summary>
public sealed class Scratch : IDisposable
{
    private readonly bool _keep;

    public Scratch(CommandLine options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.Get("dir", System.IO.Path.GetTempPath());
        Path = System.IO.Path.Combine(root, $"sv-bench-{name}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(Path);
        _keep = options.Flag("keep");
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Folder(string name) => Directory.CreateDirectory(File(name)).FullName;

    public void Dispose()
    {
        if (_keep)
        {
            Console.WriteLine($"(kept {Path})");
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process still holds a file for a moment; the temp cleaner takes it.
        }
    }
}
