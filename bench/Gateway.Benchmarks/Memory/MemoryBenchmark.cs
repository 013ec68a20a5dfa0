using System.Diagnostics;
using SmartVillage.Gateway.Benchmarks.Support;

namespace SmartVillage.Gateway.Benchmarks.Memory;

/// <summary>
/// Resident memory (VmRSS) of the running gateway process, sampled once a second after a warm-up: the demo kit as
/// shipped (one BME280) at 1 reading/s, the same forwarding to a local broker, and a load of 500 readings/s; as the
/// framework-dependent <c>dotnet SmartVillage.Gateway.dll</c> and, with <c>--single-file</c>, the published single
/// file. Baseline in the same run: a generic .NET host holding an MQTTnet client and a SQLite connection open
/// (<see cref="IdleHost"/>). Target: under 60 MB for the demo kit.
/// </summary>
public static class MemoryBenchmark
{
    private const double TargetMegabytes = 60;

    public static async Task<int> RunAsync(CommandLine options)
    {
        var seconds = options.Get("seconds", 30);
        var warmup = options.Get("warmup", 10);
        var load = options.Get("load", 500);
        using var scratch = new Scratch(options, "memory");
        await using var broker = await Mosquitto.StartAsync(scratch.Folder("broker"));
        var builds = new List<(string Name, string Path)> { ("dotnet (framework-dependent)", GatewayRun.BuiltAssembly()) };
        if (options.Flag("single-file"))
        {
            builds.Add(("published single file", await SingleFileAsync(options)));
        }

        if (options.Flag("aot"))
        {
            builds.Add(("Native AOT (linux-x64-aot profile)", await NativeAotAsync(options)));
        }

        Console.WriteLine($"memory: VmRSS sampled every 1 s for {seconds} s after {warmup} s of warm-up; files in {scratch.Path}");
        var table = new ResultTable("process", "case", "readings/s", "VmRSS median MB", "VmRSS max MB", "of which anon MB", "vs baseline", "target < 60 MB");
        var baseline = await MeasureBaselineAsync(scratch, broker.Port, warmup, seconds);
        table.Add("baseline: generic host + MQTTnet client + SQLite", "idle", 0.0, baseline.Median, baseline.Max, baseline.Anonymous, 1.0, "");

        // Load: sensors read every 0.3 s (they keep their cadence whatever the commit interval) with a 0.2 s commit
        // interval; the measured rate is printed.
        var loadSensors = (int)Math.Ceiling(load * 0.3 / Kits.ReadingsPerRead);
        var loadInterval = TimeSpan.FromSeconds(0.3);
        foreach (var (name, path) in builds)
        {
            var demoKit = Path.Combine(Path.GetDirectoryName(path)!, "kits", "demo-weather.json");
            var cases = new List<(string Case, string Kit, Dictionary<string, string> Settings, bool Target)>
            {
                ("demo kit, 1 reading/s per sensor, no upstream", demoKit, DemoAtOneReadingPerSecond(), true),
                ("demo kit, 1 reading/s per sensor, forwarding", demoKit, WithUpstream(DemoAtOneReadingPerSecond(), broker.Port), true),
                ($"load ~{load:0} readings/s ({loadSensors} x BME280 / {loadInterval.TotalSeconds:0.###} s, commit 0.2 s), forwarding",
                    Kits.WriteBme280Kit(scratch.Path, loadSensors, loadInterval, broker.Port, "load-kit.json"),
                    new() { ["Storage__CommitInterval"] = "00:00:00.2" }, false),
            };
            if (builds.IndexOf((name, path)) == 0)
            {
                // A runtime setting that may bring the demo kit under the target: a 4 MiB gen0 budget (the default
                // follows the CPU's cache size, large on a server, small on a Pi).
                var settings = WithUpstream(DemoAtOneReadingPerSecond(), broker.Port);
                settings["DOTNET_GCgen0size"] = "0x400000";
                cases.Add(("demo kit, forwarding, DOTNET_GCgen0size=4 MiB", demoKit, settings, true));
            }


            for (var i = 0; i < cases.Count; i++)
            {
                var c = cases[i];
                var folder = scratch.Folder($"{builds.IndexOf((name, path))}-{i}");
                await using var run = GatewayRun.Start(path, c.Kit, Path.Combine(folder, "readings.db"), c.Settings);
                await run.WaitForSequenceAsync(1, TimeSpan.FromSeconds(60));
                var startSequence = await run.LastSequenceAsync();
                var watch = Stopwatch.StartNew();
                var rss = await SampleAsync(run.Pid, warmup, seconds);
                var rate = (await run.LastSequenceAsync() - startSequence) / watch.Elapsed.TotalSeconds;
                Console.WriteLine($"  {name}, {c.Case}: {rate:0.0} readings/s, VmRSS median {rss.Median:0.0} MB, max {rss.Max:0.0} MB");
                table.Add(name, c.Case, rate, rss.Median, rss.Max, rss.Anonymous, rss.Median / baseline.Median,
                    c.Target ? (rss.Max < TargetMegabytes ? "met" : "MISSED") : "");
            }
        }

        table.Print("resident memory of the running gateway");
        return 0;
    }

    /// <summary>The demo kit's one BME280 read every 3 s: three readings, one reading per second.</summary>
    private static Dictionary<string, string> DemoAtOneReadingPerSecond() => new() { ["Kit__Sensors__0__Interval"] = "00:00:03" };

    private static Dictionary<string, string> WithUpstream(Dictionary<string, string> settings, int port)
    {
        settings["Kit__Upstreams__0__Name"] = "coop";
        settings["Kit__Upstreams__0__Host"] = "127.0.0.1";
        settings["Kit__Upstreams__0__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    private static async Task<(double Median, double Max, double Anonymous)> MeasureBaselineAsync(Scratch scratch, int port, int warmup, int seconds)
    {
        var start = SelfProcess.StartInfo("idle-host", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", scratch.File("idle.db"));
        using var process = Process.Start(start)!;
        try
        {
            var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (ready != "idle host ready")
            {
                throw new InvalidOperationException($"the idle host did not start: {ready}");
            }

            var rss = await SampleAsync(process.Id, warmup, seconds);
            Console.WriteLine($"  baseline idle host: VmRSS median {rss.Median:0.0} MB, max {rss.Max:0.0} MB");
            return rss;
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private static async Task<(double Median, double Max, double Anonymous)> SampleAsync(int pid, int warmup, int seconds)
    {
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var samples = new List<double>();
        var anonymous = new List<double>();
        for (var i = 0; i < seconds; i++)
        {
            samples.Add(ProcFs.ResidentBytes(pid) / 1048576.0);
            anonymous.Add(ProcFs.ResidentAnonymousBytes(pid) / 1048576.0);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return (Stats.Median(samples), samples.Max(), Stats.Median(anonymous));
    }

    /// <summary>Publishes the gateway with publish-profiles/linux-x64-aot.pubxml, once, beside this build.</summary>
    private static async Task<string> NativeAotAsync(CommandLine options)
    {
        var given = options.Get("aot-path", "");
        if (given.Length > 0)
        {
            return given;
        }

        var root = Path.GetDirectoryName(Path.GetDirectoryName(GatewayRun.BuiltAssembly()))!; // src/Gateway/bin/<Configuration>
        var project = Path.GetFullPath(Path.Combine(root, "..", "..", "Gateway.csproj"));
        var profile = Path.GetFullPath(Path.Combine(root, "..", "..", "..", "..", "publish-profiles", "linux-x64-aot.pubxml"));
        var output = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "native-aot"));
        var executable = Path.Combine(output, "SmartVillage.Gateway");
        if (!File.Exists(executable))
        {
            Console.WriteLine($"publishing {project} with {profile} to {output} ...");
            using var publish = Process.Start(new ProcessStartInfo("dotnet",
                ["publish", project, $"-p:PublishProfileFullPath={profile}", $"-p:PublishDir={output}/", "-v", "q", "--nologo"])
            { UseShellExecute = false })!;
            await publish.WaitForExitAsync();
            if (publish.ExitCode != 0 || !File.Exists(executable))
            {
                throw new InvalidOperationException("dotnet publish of the Native AOT build failed");
            }
        }

        return executable;
    }

    /// <summary>Publishes the gateway as a self-contained single file for this machine (linux-x64), once, beside this build.</summary>
    private static async Task<string> SingleFileAsync(CommandLine options)
    {
        var given = options.Get("single-file-path", "");
        if (given.Length > 0)
        {
            return given;
        }

        var root = Path.GetDirectoryName(Path.GetDirectoryName(GatewayRun.BuiltAssembly()))!; // src/Gateway/bin/<Configuration>
        var output = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "single-file"));
        var executable = Path.Combine(output, "SmartVillage.Gateway");
        if (!File.Exists(executable))
        {
            var project = Path.GetFullPath(Path.Combine(root, "..", "..", "Gateway.csproj"));
            Console.WriteLine($"publishing {project} as a linux-x64 single file to {output} ...");
            using var publish = Process.Start(new ProcessStartInfo("dotnet",
                ["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "-p:PublishSingleFile=true",
                 "-p:EnableCompressionInSingleFile=true", "-o", output, "-v", "q", "--nologo"])
            { UseShellExecute = false })!;
            await publish.WaitForExitAsync();
            if (publish.ExitCode != 0 || !File.Exists(executable))
            {
                throw new InvalidOperationException("dotnet publish of the single file failed");
            }
        }

        return executable;
    }
}
