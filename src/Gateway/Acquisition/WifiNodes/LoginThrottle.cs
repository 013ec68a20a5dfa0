namespace SmartVillage.Gateway.Acquisition.WifiNodes;

/// <summary>
/// Slows password guessing on the embedded broker (security checklist S3): after <see cref="FreeFailures"/> wrong
/// logins in a row from one address, that address is refused unheard for a time that doubles with each further failure,
/// capped at <see cref="MaxBlock"/> so a neighbour cannot lock a real node out for long. A good login clears it.
/// Keyed by remote address, not username, so that guessing cannot lock a node's account from elsewhere.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan MaxBlock = TimeSpan.FromMinutes(5);

    /// <summary>Addresses tracked at most; beyond it the table is cleared (a flood of addresses is a LAN problem, not ours).</summary>
    private const int MaxAddresses = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Failures, DateTimeOffset BlockedUntil)> _addresses = new(StringComparer.Ordinal);

    public bool IsBlocked(string address)
    {
        lock (_gate)
        {
            return _addresses.TryGetValue(address, out var entry) && entry.BlockedUntil > time.GetUtcNow();
        }
    }

    public void Failed(string address)
    {
        lock (_gate)
        {
            if (_addresses.Count >= MaxAddresses && !_addresses.ContainsKey(address))
            {
                _addresses.Clear();
            }

            var failures = _addresses.GetValueOrDefault(address).Failures + 1;
            var block = failures <= FreeFailures ? TimeSpan.Zero
                : TimeSpan.FromSeconds(Math.Min(MaxBlock.TotalSeconds, Math.Pow(2, Math.Min(failures - FreeFailures, 20))));
            _addresses[address] = (failures, time.GetUtcNow() + block);
        }
    }

    public void Succeeded(string address)
    {
        lock (_gate)
        {
            _addresses.Remove(address);
        }
    }
}
