using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>
/// The real gateway as its own process (so it can be SIGKILLed), built by the solution, with its configuration
/// given the way an operator would: a kit file and environment variables.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;

    private GatewayProcess(Process process, int httpPort)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        _http = new HttpClient { BaseAddress = BaseAddress };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The gateway's HTTP address (status, dashboard, calibration API).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The plain HTTP address the gateway was started on.</summary>
    public Uri HttpAddress => BaseAddress;

    public static GatewayProcess Start(string kitFile, string databaseFile, IDictionary<string, string>? settings = null) =>
        Start(new ProcessStartInfo("dotnet", [GatewayAssembly()]), kitFile, databaseFile, settings);

    /// <summary>A published gateway executable (e.g. the Native AOT build) instead of the solution's build.</summary>
    public static GatewayProcess StartExecutable(string executable, string kitFile, string databaseFile, IDictionary<string, string>? settings = null) =>
        Start(new ProcessStartInfo(executable), kitFile, databaseFile, settings);

    private static GatewayProcess Start(ProcessStartInfo start, string kitFile, string databaseFile, IDictionary<string, string>? settings)
    {
        var httpPort = FreePort.Next();
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetDirectoryName(databaseFile)!;
        start.Environment["Gateway__KitFile"] = kitFile;
        start.Environment["Storage__Path"] = databaseFile;
        start.Environment["Storage__CommitInterval"] = "00:00:00.2";
        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new GatewayProcess(Process.Start(start)!, httpPort);
    }

    /// <summary>Runs the gateway to completion (for configurations it must refuse) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        await _process.WaitForExitAsync().WaitAsync(within);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async Task<JsonElement?> StatusAsync()
    {
        try
        {
            return await _http.GetFromJsonAsync<JsonElement>("/api/status");
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async Task<long> LastSequenceAsync() =>
        (await StatusAsync())?.GetProperty("lastSequence").GetInt64() ?? -1;

    public async Task<JsonElement?> UpstreamAsync(int index = 0) =>
        (await StatusAsync())?.GetProperty("upstreams")[index];

    public async Task<long> AckedSequenceAsync() =>
        (await UpstreamAsync())?.GetProperty("ackedSequence").GetInt64() ?? -1;

    /// <summary>What the first upstream has acknowledged: its prefix, and the spans above it.</summary>
    public async Task<(long Prefix, IReadOnlyList<(long First, long Last)> Above)?> AcknowledgedAsync()
    {
        if (await UpstreamAsync() is not { } upstream)
        {
            return null;
        }

        var above = upstream.GetProperty("acknowledgedAbove").EnumerateArray()
            .Select(s => (s.GetProperty("first").GetInt64(), s.GetProperty("last").GetInt64())).ToList();
        return (upstream.GetProperty("ackedSequence").GetInt64(), above);
    }

    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

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
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>The gateway as the solution built it, in the same configuration as these tests.</summary>
    public static string GatewayAssembly() =>
        Path.Combine(RepositoryRoot(), "src", "Gateway", "bin", new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "SmartVillage.Gateway.dll") is var assembly && File.Exists(assembly)
            ? assembly
            : throw new FileNotFoundException("Build the solution first: " + assembly);

    /// <summary>The folder holding SmartVillage.sln, above this test assembly.</summary>
    public static string RepositoryRoot()
    {
        var here = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SmartVillage.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("SmartVillage.sln not found above " + AppContext.BaseDirectory);
    }
}
