using System.Diagnostics;
using SmartVillage.Gateway.IntegrationTests.Support;

namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>
/// A real Mosquitto on a free loopback port, configured as FACTS.md says a measuring broker must be: no queue limit
/// (the default 1000 drops QoS 1 messages for a subscriber that falls behind) and no persistence (it would only add
/// the broker's own disk writes, which are not ours to measure). Killed on dispose.
/// </summary>
public sealed class Mosquitto : IAsyncDisposable
{
    private static readonly string[] Executables = ["/usr/sbin/mosquitto", "/usr/bin/mosquitto"];
    private readonly Process _process;

    private Mosquitto(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public static async Task<Mosquitto> StartAsync(string folder)
    {
        var executable = Executables.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto is not installed: apt-get install -y mosquitto");
        var port = FreePort.Next();
        var config = Path.Combine(folder, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            max_queued_messages 0
            max_inflight_messages 0
            persistence false
            log_dest file {folder}/mosquitto.log
            log_type error
            log_type warning
            """);
        var process = Process.Start(new ProcessStartInfo(executable, ["-c", config])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var broker = new Mosquitto(process, port);
        var deadline = Stopwatch.StartNew();
        while (!await FreePort.IsOpenAsync(port))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                await broker.DisposeAsync();
                throw new InvalidOperationException($"mosquitto did not start on {port}: see {folder}/mosquitto.log");
            }

            await Task.Delay(50);
        }

        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
