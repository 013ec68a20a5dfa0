using System.Diagnostics;

namespace SmartVillage.Gateway.Benchmarks.Support;

/// <summary>Starts this benchmark program again as a child, for helpers that must be their own process (own /proc figures).</summary>
public static class SelfProcess
{
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "SmartVillage.Gateway.Benchmarks");
        var start = File.Exists(host)
            ? new ProcessStartInfo(host, args)
            : new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SmartVillage.Gateway.Benchmarks.dll"), .. args]);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }
}
