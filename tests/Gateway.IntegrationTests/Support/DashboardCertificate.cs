using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>
/// A self-signed certificate for the dashboard, as a cooperative makes one with openssl: for the gateway's address,
/// written as PEM (certificate and key) and as a password-protected PKCS#12 file.
/// </summary>
public sealed class DashboardCertificate : IDisposable
{
    public const string PfxPassword = "pfx password from the environment";

    private DashboardCertificate(X509Certificate2 certificate, string folder)
    {
        Certificate = certificate;
        CertificateFile = Path.Combine(folder, "dashboard.pem");
        KeyFile = Path.Combine(folder, "dashboard.key");
        PfxFile = Path.Combine(folder, "dashboard.pfx");
    }

    public X509Certificate2 Certificate { get; }

    public string CertificateFile { get; }

    public string KeyFile { get; }

    public string PfxFile { get; }

    public static DashboardCertificate Create(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=smartvillage-gateway", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(365));
        var files = new DashboardCertificate(certificate, folder);
        File.WriteAllText(files.CertificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(files.KeyFile, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(files.PfxFile, certificate.Export(X509ContentType.Pkcs12, PfxPassword));
        return files;
    }

    /// <summary>
    /// A client that trusts exactly this certificate, as a phone does once its owner has accepted it; it records
    /// the certificate the gateway presented.
    /// </summary>
    public HttpClient Client(Uri baseAddress, Action<X509Certificate2>? presented = null)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null)
                {
                    return false;
                }

                presented?.Invoke(certificate);
                return certificate.RawData.AsSpan().SequenceEqual(Certificate.RawData);
            },
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress };
    }

    public void Dispose() => Certificate.Dispose();
}
