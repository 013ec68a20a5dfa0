using SmartVillage.Gateway.Configuration;

namespace SmartVillage.Gateway.Hosting;

/// <summary>
/// Serves the dashboard over HTTPS as well as HTTP when <c>Dashboard:Https</c> names a certificate. The HTTP
/// addresses of <c>Urls</c> are kept (and optionally redirect to HTTPS); the admin cookie is marked Secure on HTTPS.
/// </summary>
public static partial class DashboardHttps
{
    /// <exception cref="KitConfigurationException">HTTPS is asked for but cannot be served.</exception>
    public static DashboardHttpsOptions AddDashboardHttps(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var options = configuration.GetSection(DashboardHttpsOptions.Section).Get<DashboardHttpsOptions>() ?? new DashboardHttpsOptions();
        builder.Services.AddSingleton(options);
        if (!options.Enabled)
        {
            return options;
        }

        var problems = new List<string>();
        BindingAddress? url = null;
        try
        {
            url = BindingAddress.Parse(options.Url);
        }
        catch (FormatException)
        {
            // Reported below with the fix.
        }

        if (url is not { Scheme: "https" })
        {
            problems.Add($"{DashboardHttpsOptions.Section}:Url: '{options.Url}' is not an https address, e.g. https://0.0.0.0:8443");
        }

        var certificate = HttpsCertificate.Load(options, configuration, builder.Environment.ContentRootPath, problems);
        if (problems.Count > 0 || certificate is null)
        {
            certificate?.Dispose();
            throw new KitConfigurationException(DashboardHttpsOptions.Section, problems);
        }

        // The HTTPS address joins the HTTP ones of Urls (Kestrel's own default when none is set); Kestrel serves
        // every https address with the certificate below.
        var http = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var urls = (http.Length > 0 ? http : ["http://localhost:5000"]).Append(options.Url);
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = string.Join(';', urls) });
        builder.Services.AddSingleton(certificate);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        if (options.RedirectHttp)
        {
            builder.Services.AddHttpsRedirection(redirect =>
            {
                // Temporary: a phone must not remember the redirect if HTTPS is switched off again.
                redirect.RedirectStatusCode = StatusCodes.Status307TemporaryRedirect;
                redirect.HttpsPort = url!.Port;
            });
        }

        return options;
    }

    public static WebApplication UseDashboardHttps(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<DashboardHttpsOptions>();
        if (!options.Enabled)
        {
            return app;
        }

        var certificate = app.Services.GetRequiredService<System.Security.Cryptography.X509Certificates.X509Certificate2>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var notAfter = certificate.NotAfter.ToUniversalTime();
        var fingerprint = HttpsCertificate.Fingerprint(certificate);
        LogHttps(app.Logger, options.Url, certificate.Subject, notAfter, fingerprint, options.RedirectHttp);
        if (notAfter < now.UtcDateTime.AddDays(30))
        {
            LogExpiring(app.Logger, notAfter);
        }

        if (options.RedirectHttp)
        {
            app.UseHttpsRedirection();
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard over HTTPS at {Url}: certificate {Subject}, valid until {NotAfter:u}, SHA-256 fingerprint {Fingerprint} (compare it with the browser's when it asks to trust the certificate); HTTP redirects: {Redirect}")]
    private static partial void LogHttps(ILogger logger, string url, string subject, DateTime notAfter, string fingerprint, bool redirect);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard's HTTPS certificate expires on {NotAfter:u} (or has expired): make a new one (docs/dashboard.md)")]
    private static partial void LogExpiring(ILogger logger, DateTime notAfter);
}
