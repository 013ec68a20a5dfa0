using Microsoft.Extensions.Primitives;
using SmartVillage.Gateway.Configuration;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// The dashboard's settings as they are now. Bound again whenever configuration reloads (an admin saved a change
/// to the settings overlay), so thresholds, the site name and open viewing take effect without a restart; the live
/// stream waits on <see cref="WaitForChangeAsync"/> to send the new tile states at once.
/// </summary>
public sealed class LiveDashboardSettings : IDisposable
{
    private readonly IConfiguration _configuration;
    private readonly IDisposable _reloads;
    private State _state;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveDashboardSettings(IConfiguration configuration)
    {
        _configuration = configuration;
        _state = Bind(configuration);
        _reloads = ChangeToken.OnChange(configuration.GetReloadToken, Rebind);
    }

    /// <summary>Every dashboard option as bound now.</summary>
    public DashboardOptions Options => Volatile.Read(ref _state).Options;

    public IReadOnlyDictionary<string, QuantityThreshold> Thresholds => Volatile.Read(ref _state).Thresholds;

    /// <summary>The thresholds without the admin's limits.</summary>
    public IReadOnlyDictionary<string, QuantityThreshold> ConfiguredThresholds => Volatile.Read(ref _state).Configured;

    public bool OpenViewing => Volatile.Read(ref _state).Options.OpenViewing;

    /// <summary>The site's name as shown (<c>Kit:Name</c>).</summary>
    public string SiteName => Volatile.Read(ref _state).SiteName;

    /// <summary>Completes at the next change of settings.</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _changed).Task.WaitAsync(cancellationToken);

    public void Dispose() => _reloads.Dispose();

    private void Rebind()
    {
        Volatile.Write(ref _state, Bind(_configuration));
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private static State Bind(IConfiguration configuration)
    {
        var options = DashboardOptions.Bind(configuration);
        return new State(options, options.EffectiveThresholds(), options.ConfiguredThresholds(), configuration[$"{KitOptions.Section}:{nameof(KitOptions.Name)}"] ?? "");
    }

    private sealed record State(DashboardOptions Options, IReadOnlyDictionary<string, QuantityThreshold> Thresholds, IReadOnlyDictionary<string, QuantityThreshold> Configured, string SiteName);
}
