using SmartVillage.Gateway.Benchmarks.Disk;
using SmartVillage.Gateway.Benchmarks.Drain;
using SmartVillage.Gateway.Benchmarks.History;
using SmartVillage.Gateway.Benchmarks.Ingest;
using SmartVillage.Gateway.Benchmarks.Memory;
using SmartVillage.Gateway.Benchmarks.Support;
using SmartVillage.Gateway.Benchmarks.Wire;

// One command per figure of issue 3 section 8, and the dashboard's history (issue 6); see bench/README.md.
var commands = new Dictionary<string, Func<CommandLine, Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["ingest"] = IngestBenchmark.RunAsync,
    ["drain"] = DrainBenchmark.RunAsync,
    ["disk"] = DiskBenchmark.RunAsync,
    ["wire"] = WireBenchmark.RunAsync,
    ["memory"] = MemoryBenchmark.RunAsync,
    ["history"] = HistoryBenchmark.RunAsync,
    ["idle-host"] = IdleHost.RunAsync, // the memory baseline, started by "memory"
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine($"usage: Gateway.Benchmarks <{string.Join("|", commands.Keys)}> [--option value ...]  (see bench/README.md)");
    return 2;
}

if (args[0] != "idle-host")
{
    Console.WriteLine($"{args[0]} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
}

return await command(new CommandLine(args.Skip(1)));
