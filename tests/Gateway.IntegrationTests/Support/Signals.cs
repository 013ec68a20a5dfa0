using System.Diagnostics;

namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>POSIX signals to child processes (Process.Kill only sends SIGKILL).</summary>
public static class Signals
{
    public static void Terminate(Process process) => Send("TERM", process);

    private static void Send(string signal, Process process)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {process.Id}") { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
