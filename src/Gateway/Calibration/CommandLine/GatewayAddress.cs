namespace SmartVillage.Gateway.Calibration.CommandLine;

/// <summary>
/// Where the command line finds the running gateway when <c>--gateway</c> is not given: the same <c>Urls</c> setting
/// the gateway listens on (environment, then <c>appsettings.json</c> beside the program), with a wildcard or
/// all-interfaces host read as this machine's loopback address.
/// </summary>
public static class GatewayAddress
{
    public static readonly Uri Default = new("http://127.0.0.1:8080/");

    public static Uri Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = configuration["Urls"] ?? configuration["ASPNETCORE_URLS"];
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (first is null)
        {
            return Default;
        }

        // "http://+:8080" and "http://*:8080" are not URIs a client can use; the host part is only a binding rule.
        var local = first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
        if (!Uri.TryCreate(local, UriKind.Absolute, out var uri))
        {
            return Default;
        }

        var host = uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost" ? "127.0.0.1" : uri.Host;
        return new UriBuilder(uri) { Host = host, Path = "/" }.Uri;
    }
}
