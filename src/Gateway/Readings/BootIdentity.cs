namespace SmartVillage.Gateway.Readings;

/// <summary>
/// Which boot of the board a monotonic timestamp belongs to. The kernel's boot id changes at every boot and stays
/// the same across gateway restarts within one boot, which is exactly the lifetime of CLOCK_MONOTONIC.
/// </summary>
public sealed class BootIdentity
{
    private const string KernelBootIdPath = "/proc/sys/kernel/random/boot_id";

    public BootIdentity(string id) => Id = id;

    public string Id { get; }

    public static BootIdentity FromKernel()
    {
        // Off Linux (a developer's laptop) there is no boot id: a random one per process is the safe fallback,
        // since it can only make two boots look different, never merge them.
        var id = File.Exists(KernelBootIdPath) ? File.ReadAllText(KernelBootIdPath).Trim() : Guid.NewGuid().ToString();
        return new BootIdentity(id);
    }
}
