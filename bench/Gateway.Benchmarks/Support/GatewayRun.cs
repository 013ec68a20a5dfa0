using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SmartVillage.Gateway.IntegrationTests.Support;

namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>
/// The real gateway as its own process, configured as an operator would (kit file plus environment), with its pid
/// exposed for /proc. Unlike the integration tests' GatewayProcess it can run the published single file too, and it
/// leaves Storage:CommitInterval at the product default unless told otherwise (the benchmarks measure defaults).
/// </summary>
public sealed class GatewayRun : IMeasuredProcess
{
    private const string ChildLine = "bench: gateway pid ";
    private const string ExitIoLine = "bench: gateway exited, write_bytes ";
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly List<string> _output = [];
    private readonly bool _wrapped;
    private readonly TaskCompletionSource<int> _child = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> _exitWriteBytes = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatewayRun(Process process, int httpPort, bool wrapped)
    {
        _process = process;
        _wrapped = wrapped;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The gateway's own pid (not the wrapping shell's, when started with <see cref="StartMeasuredToExit"/>).</summary>
    public int Pid => _wrapped ? _child.Task.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult() : _process.Id;

    /// <summary>
    /// With <see cref="StartMeasuredToExit"/>: the gateway's write_bytes over its whole life, including what it wrote
    /// while stopping (the last commit, the checkpoint as it closed the database), known once it has exited.
    /// </summary>
    public Task<long> ExitWriteBytes => _exitWriteBytes.Task;

    public bool HasExited => _process.HasExited;

    public string OutputTail
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output.TakeLast(20));
            }
        }
    }

    /// <param name="executable">The gateway: a framework-dependent <c>.dll</c> (run with <c>dotnet</c>) or a native single file.</param>
    public static GatewayRun Start(string executable, string kitFile, string databaseFile, IReadOnlyDictionary<string, string> settings)
    {
        var start = StartInfo(executable, kitFile, databaseFile, settings, out var httpPort);
        return new GatewayRun(Process.Start(start)!, httpPort, wrapped: false);
    }

    /// <summary>
    /// Starts the gateway as the child of a shell that prints the gateway's pid and, once the gateway has exited, its
    /// own write_bytes: a process's /proc io includes the children it has reaped, so that is the gateway's whole life,
    /// stopping included (the last commit, the checkpoint as it closes the database), which /proc/&lt;pid&gt;/io can no
    /// longer show after the exit.
    /// </summary>
    public static GatewayRun StartMeasuredToExit(string executable, string kitFile, string databaseFile, IReadOnlyDictionary<string, string> settings)
    {
        var direct = StartInfo(executable, kitFile, databaseFile, settings, out var httpPort);
        var start = new ProcessStartInfo("sh")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = direct.WorkingDirectory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"\"$@\" & echo \"{ChildLine}$!\"; wait $!; echo \"{ExitIoLine}$(grep '^write_bytes' /proc/$$/io | cut -d' ' -f2)\"");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(direct.FileName);
        foreach (var argument in direct.ArgumentList)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in direct.Environment)
        {
            start.Environment[key] = value;
        }

        return new GatewayRun(Process.Start(start)!, httpPort, wrapped: true);
    }

    private static ProcessStartInfo StartInfo(string executable, string kitFile, string databaseFile, IReadOnlyDictionary<string, string> settings, out int httpPort)
    {
        ArgumentNullException.ThrowIfNull(settings);
        httpPort = FreePort.Next();
        var start = executable.EndsWith(".dll", StringComparison.Ordinal)
            ? new ProcessStartInfo("dotnet", [executable])
            : new ProcessStartInfo(executable);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetDirectoryName(databaseFile)!;
        start.Environment["Gateway__KitFile"] = kitFile;
        start.Environment["Storage__Path"] = databaseFile;
        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>The framework-dependent build of the gateway next to this benchmark's build (same configuration).</summary>
    public static string BuiltAssembly()
    {
        var here = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = here.Parent!.Name; // bin/<Configuration>/net10.0/
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SmartVillage.sln")))
        {
            root = root.Parent;
        }

        var assembly = Path.Combine(root?.FullName ?? throw new InvalidOperationException("SmartVillage.sln not found above " + AppContext.BaseDirectory),
            "src", "Gateway", "bin", configuration, "net10.0", "SmartVillage.Gateway.dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build the solution first (dotnet build -c Release): " + assembly);
    }

    public async Task<JsonElement?> StatusAsync()
    {
        try
        {
            return await _http.GetFromJsonAsync<JsonElement>("/api/status");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public async Task<long> LastSequenceAsync() => (await StatusAsync())?.GetProperty("lastSequence").GetInt64() ?? -1;

    /// <summary>Waits until the gateway has committed at least <paramref name="sequence"/> readings.</summary>
    public async Task WaitForSequenceAsync(long sequence, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (await LastSequenceAsync() < sequence)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited ({_process.ExitCode}):{Environment.NewLine}{OutputTail}");
            }

            if (deadline.Elapsed > within)
            {
                throw new TimeoutException($"the gateway did not reach sequence {sequence} within {within}:{Environment.NewLine}{OutputTail}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A clean stop (SIGTERM), as systemd would.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            if (_wrapped)
            {
                using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
                await kill.WaitForExitAsync();
            }
            else
            {
                Signals.Terminate(_process);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (TimeoutException)
        {
            // It did not stop cleanly: kill it; the benchmark must not leave processes behind.
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (_wrapped && line.StartsWith(ChildLine, StringComparison.Ordinal))
        {
            _child.TrySetResult(int.Parse(line[ChildLine.Length..], System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        if (_wrapped && line.StartsWith(ExitIoLine, StringComparison.Ordinal) && long.TryParse(line[ExitIoLine.Length..], System.Globalization.CultureInfo.InvariantCulture, out var written))
        {
            _exitWriteBytes.TrySetResult(written);
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 200)
            {
                _output.RemoveAt(0);
            }
        }
    }
}
