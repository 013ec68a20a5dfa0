using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace SmartVillage.Gateway.Hosting;

/// <summary>
/// Loads the dashboard's certificate at start, so a wrong path, a wrong password or a certificate without its key
/// stops the gateway with a message naming the key, instead of failing when the first phone connects.
/// </summary>
public static class HttpsCertificate
{
    /// <returns>The certificate with its private key, or null with <paramref name="problems"/> saying why.</returns>
    public static X509Certificate2? Load(DashboardHttpsOptions options, IConfigurationRoot configuration, string contentRoot, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var password = Password(configuration, problems);
        if (string.IsNullOrWhiteSpace(options.CertificateFile))
        {
            problems.Add($"{DashboardHttpsOptions.Section}:CertificateFile: missing; name the PEM or PFX file of the dashboard's certificate (docs/dashboard.md shows how to make one)");
            return null;
        }

        var certificatePath = Path.GetFullPath(options.CertificateFile, contentRoot);
        var keyPath = string.IsNullOrWhiteSpace(options.KeyFile) ? null : Path.GetFullPath(options.KeyFile, contentRoot);
        foreach (var (key, path) in new[] { ("CertificateFile", certificatePath), ("KeyFile", keyPath) })
        {
            if (path is not null && !File.Exists(path))
            {
                problems.Add($"{DashboardHttpsOptions.Section}:{key}: '{path}' was not found");
            }
        }

        if (problems.Count > 0)
        {
            return null;
        }

        try
        {
            var certificate = Path.GetExtension(certificatePath).ToLowerInvariant() is ".pfx" or ".p12"
                ? X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password)
                : string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, password, keyPath);
            if (!certificate.HasPrivateKey)
            {
                problems.Add($"{DashboardHttpsOptions.Section}:CertificateFile: '{certificatePath}' holds no private key; give it in KeyFile");
                certificate.Dispose();
                return null;
            }

            return certificate;
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException or IOException)
        {
            problems.Add($"{DashboardHttpsOptions.Section}:CertificateFile: '{certificatePath}' cannot be loaded ({exception.Message}); " +
                "check the file, its key and Dashboard__Https__CertificatePassword");
            return null;
        }
    }

    /// <summary>The SHA-256 fingerprint a browser shows in its certificate details (AA:BB:…).</summary>
    public static string Fingerprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(c => new string(c)).Aggregate((a, b) => a + ":" + b);
    }

    /// <summary>The certificate password, taken only from the environment: a password in a file is refused.</summary>
    private static string? Password(IConfigurationRoot configuration, List<string> problems)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (provider.TryGet(DashboardHttpsOptions.PasswordKey, out var password))
            {
                if (provider is EnvironmentVariablesConfigurationProvider)
                {
                    return password;
                }

                problems.Add($"{DashboardHttpsOptions.PasswordKey}: secrets come from the environment only " +
                    $"(Dashboard__Https__CertificatePassword), never from a file or the command line; it was found in {provider}");
                return null;
            }
        }

        return null;
    }
}
