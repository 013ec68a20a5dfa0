using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartVillage.Gateway.BrowserTests.Support;

/// <summary>The real gateway as its own process, on a loopback port, with a kit file and a database the test prepared.</summary>
public sealed class GatewayUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private GatewayUnderTest(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

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

    /// <param name="settings">Extra environment variables (configuration overrides such as <c>Calibration__StableWindow</c>).</param>
    public static async Task<GatewayUnderTest> StartAsync(string kitFile, string databaseFile, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [GatewayAssembly()])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(databaseFile)!,
        };
        start.Environment["Gateway__KitFile"] = kitFile;
        start.Environment["Storage__Path"] = databaseFile;
        start.Environment["Storage__CommitInterval"] = "00:00:00.2";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Dashboard__LiveUpdateInterval"] = "00:00:00.5";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var gateway = new GatewayUnderTest(Process.Start(start)!, port);
        await gateway.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        return gateway;
    }

    /// <summary>Waits until the gateway's output matches <paramref name="pattern"/> and returns its first group.</summary>
    public async Task<string> WaitForOutputAsync(System.Text.RegularExpressions.Regex pattern, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (pattern.Match(Output) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"the gateway never printed {pattern}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilServingAsync(TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The gateway exited:\n" + Output);
            }

            try
            {
                using var response = await http.GetAsync("api/now");
                // 401: serving, with viewing closed until login.
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The gateway did not serve within " + within + ":\n" + Output);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The gateway as the solution built it, in the same configuration as these tests.</summary>
    private static string GatewayAssembly()
    {
        var here = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = here.Parent!.Name;
        var assembly = Path.Combine(RepositoryRoot(), "src", "Gateway", "bin", configuration, "net10.0", "SmartVillage.Gateway.dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build the solution first: " + assembly);
    }

    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SmartVillage.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("SmartVillage.sln not found above " + AppContext.BaseDirectory);
    }
}
