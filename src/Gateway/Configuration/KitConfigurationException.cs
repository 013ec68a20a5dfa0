namespace SmartVillage.Gateway.Configuration;

/// <summary>The configuration cannot run: each problem names the key and what to do.</summary>
public sealed class KitConfigurationException : Exception
{
    public KitConfigurationException(string source, IReadOnlyList<string> problems)
        : base($"Configuration in {source} is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
    {
        Source = source;
        Problems = problems;
    }

    public new string Source { get; }

    public IReadOnlyList<string> Problems { get; }
}
