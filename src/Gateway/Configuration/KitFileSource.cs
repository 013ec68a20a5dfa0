using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace SmartVillage.Gateway.Configuration;

/// <summary>
/// Puts the kit file into configuration under <c>Kit</c>, above appsettings and below environment variables and
/// the command line, so <c>Kit__Upstreams__0__Password</c> or <c>--Kit:Scenario=storm</c> still override it.
/// </summary>
public static class KitFileSource
{
    public static string Add(ConfigurationManager configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[$"{GatewayOptions.Section}:{nameof(GatewayOptions.KitFile)}"] ?? new GatewayOptions().KitFile;
        var path = Resolve(configured, contentRoot);
        IConfigurationRoot file;
        try
        {
            file = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException or IOException)
        {
            var detail = exception.InnerException?.Message ?? exception.Message;
            throw new KitConfigurationException(path, [$"the kit file is not valid JSON: {detail}"]);
        }

        var values = file.AsEnumerable()
            .Where(pair => pair.Value is not null)
            .Select(pair => new KeyValuePair<string, string?>($"{KitOptions.Section}:{pair.Key}", pair.Value));
        var source = new MemoryConfigurationSource { InitialData = values.ToList() };
        var sources = configuration.Sources;
        var index = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        sources.Insert(index < 0 ? sources.Count : index, source);
        return path;
    }

    private static string Resolve(string configured, string contentRoot)
    {
        if (Path.IsPathRooted(configured))
        {
            return File.Exists(configured) ? configured : throw NotFound(configured, [configured]);
        }

        string[] candidates = [Path.GetFullPath(configured, contentRoot), Path.GetFullPath(configured, AppContext.BaseDirectory)];
        return candidates.FirstOrDefault(File.Exists) ?? throw NotFound(configured, candidates);
    }

    private static KitConfigurationException NotFound(string configured, IEnumerable<string> tried) =>
        new(configured, [$"Gateway:KitFile: '{configured}' was not found (looked in {string.Join(", ", tried)}); " +
            "name a kit file from hardware/kits, e.g. --Gateway:KitFile=kits/demo-weather.json"]);
}
