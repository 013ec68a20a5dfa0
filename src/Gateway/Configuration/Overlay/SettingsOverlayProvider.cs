namespace SmartVillage.Gateway.Configuration.Overlay;

/// <summary>Serves the overlay's keys; one per build of the configuration.</summary>
internal sealed class SettingsOverlayProvider(SettingsOverlaySource source) : ConfigurationProvider
{
    public override void Load() => Data = source.Load();

    public void Reload()
    {
        Load();
        OnReload();
    }
}
