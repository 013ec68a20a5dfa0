using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using SmartVillage.Gateway.Configuration.Overlay;

namespace SmartVillage.Gateway.Dashboard.Settings;

/// <summary>
/// Looks at configuration layer by layer around the settings overlay: what a key would be without the overlay
/// (the kit file's or appsettings' value, what "reset" returns to), and whether a layer above it (the environment,
/// the command line) sets the key, in which case a change on the admin page could never take effect.
/// </summary>
public sealed class ConfigurationLayers(IConfigurationRoot root, SettingsOverlaySource overlay)
{
    /// <summary>The key's value in the layers below the overlay, or null when none sets it.</summary>
    public string? Below(string key)
    {
        var (providers, index) = Split();
        for (var i = index - 1; i >= 0; i--)
        {
            if (providers[i].TryGet(key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The layer above the overlay that sets the key ("the environment", "the command line"), or null.</summary>
    public string? OverriddenBy(string key)
    {
        var (providers, index) = Split();
        for (var i = providers.Count - 1; i > index; i--)
        {
            if (providers[i].TryGet(key, out _))
            {
                return providers[i] switch
                {
                    EnvironmentVariablesConfigurationProvider => "the environment (" + key.Replace(":", "__", StringComparison.Ordinal) + ")",
                    CommandLineConfigurationProvider => "the command line (--" + key + ")",
                    var other => other.ToString() ?? other.GetType().Name,
                };
            }
        }

        return null;
    }

    private (IReadOnlyList<IConfigurationProvider> Providers, int Index) Split()
    {
        var providers = root.Providers.ToList();
        var index = overlay.Provider is { } provider ? providers.IndexOf(provider) : -1;
        // Without the overlay in configuration (never in a running gateway) every layer counts as "below".
        return (providers, index < 0 ? providers.Count : index);
    }
}
