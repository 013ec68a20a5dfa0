namespace SmartVillage.Gateway.Hosting;

/// <summary>Turns "a background service died" into a non-zero exit code, so systemd restarts the gateway.</summary>
public sealed class CrashWatch(IReadOnlyList<BackgroundService> services)
{
    /// <summary>70 (EX_SOFTWARE) when a service faulted; otherwise whatever the process set.</summary>
    public int ExitCode => services.Any(service => service.ExecuteTask is { IsFaulted: true }) ? 70 : Environment.ExitCode;
}
