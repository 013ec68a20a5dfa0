namespace SmartVillage.Gateway.Hosting;

/// <summary>
/// Optional HTTPS for the dashboard. Section <c>Dashboard:Https</c> in appsettings or the environment (a host
/// setting, not the kit file's). Nothing set: plain HTTP only, as on <c>Urls</c>.
/// </summary>
public sealed class DashboardHttpsOptions
{
    public const string Section = "Dashboard:Https";

    /// <summary>Never from a file: only the environment (<c>Dashboard__Https__CertificatePassword</c>).</summary>
    public const string PasswordKey = Section + ":CertificatePassword";

    /// <summary>Where HTTPS listens, e.g. <c>https://0.0.0.0:8443</c>. Empty: no HTTPS.</summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// The certificate: a PEM file (<c>.pem</c>, <c>.crt</c>; its key in <see cref="KeyFile"/> or in the same file)
    /// or a PKCS#12 file (<c>.pfx</c>, <c>.p12</c>). Relative paths: from the content root.
    /// </summary>
    public string CertificateFile { get; set; } = "";

    /// <summary>The PEM private key, when not in <see cref="CertificateFile"/>. May be encrypted (PKCS#8).</summary>
    public string KeyFile { get; set; } = "";

    /// <summary>True: plain HTTP answers every request with a redirect to HTTPS. False (default): HTTP keeps serving.</summary>
    public bool RedirectHttp { get; set; }

    public bool Enabled => Url.Length > 0 || CertificateFile.Length > 0;
}
