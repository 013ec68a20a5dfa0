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
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly List<string> _output = [];

    private GatewayRun(Process process, int httpPort)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

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
        ArgumentNullException.ThrowIfNull(settings);
        var httpPort = FreePort.Next();
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

        return new GatewayRun(Process.Start(start)!, httpPort);
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
            Signals.Terminate(_process);
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
