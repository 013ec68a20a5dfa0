using System.Diagnostics;

namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>
/// A real Mosquitto on a free loopback port, with persistence (in a folder of its own under the given one) so that a
/// subscriber's session and queued messages survive a broker stop and start, and no queue limit (Mosquitto's default 1000 would drop messages that are not the gateway's
/// to lose).
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _configFile;
    private Process? _process;

    private MosquittoBroker(string folder, int port, string listenerSettings)
    {
        // Started as root, Mosquitto drops to its own user: without a folder that user may write, it could neither
        // log nor persist, and every "restart" would silently lose its sessions (and the messages queued in them).
        _folder = Path.Combine(folder, "mosquitto");
        Directory.CreateDirectory(_folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, (UnixFileMode)0x1FF);
        }

        folder = _folder;
        Port = port;
        _configFile = Path.Combine(folder, "mosquitto.conf");
        File.WriteAllText(_configFile, $"""
            listener {port} 127.0.0.1
            {listenerSettings}
            allow_anonymous true
            max_queued_messages 0
            persistence true
            persistence_location {folder}/
            log_dest file {folder}/mosquitto.log
            log_type error
            log_type warning
            log_type notice
            """);
    }

    public int Port { get; }

    /// <param name="folder">Holds the configuration, persistence and log.</param>
    /// <param name="listenerSettings">Extra lines for the listener, e.g. TLS certificate files.</param>
    public static async Task<MosquittoBroker> StartAsync(string folder, string listenerSettings = "")
    {
        var broker = new MosquittoBroker(folder, FreePort.Next(), listenerSettings);
        await broker.StartAgainAsync();
        return broker;
    }

    public async Task StartAgainAsync()
    {
        var executable = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto is not installed: apt-get install -y mosquitto (.ci/run does this)");
        _process = Process.Start(new ProcessStartInfo(executable, ["-c", _configFile])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await Eventually.HoldsAsync(() => _process.HasExited ? throw new InvalidOperationException($"mosquitto exited: {Log()}") : FreePort.IsOpenAsync(Port),
            $"mosquitto listens on {Port}", TimeSpan.FromSeconds(20));
    }

    /// <summary>A clean stop: Mosquitto writes its persistence file and the port closes.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        Signals.Terminate(_process);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        _process.Dispose();
        _process = null;
    }

    /// <summary>
    /// A crash that loses the broker's state: SIGKILL (nothing saved), then the persistence file removed, so it
    /// comes back with no sessions, no queued messages and no retained messages.
    /// </summary>
    public async Task CrashAndLoseStateAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }

        _process?.Dispose();
        _process = null;
        File.Delete(Path.Combine(_folder, "mosquitto.db"));
    }

    public string Log()
    {
        var file = Path.Combine(_folder, "mosquitto.log");
        return File.Exists(file) ? File.ReadAllText(file) : "(no log)";
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }
}
