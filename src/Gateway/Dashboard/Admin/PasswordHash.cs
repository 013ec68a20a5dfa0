using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartVillage.Gateway.Dashboard.Admin;

/// <summary>
/// Slow salted password hashes: PBKDF2-HMAC-SHA256 with a 16-byte random salt, stored as
/// <c>pbkdf2-sha256$iterations$salt$hash</c> (base64). Verification is constant-time. Passwords are never logged.
/// </summary>
public static class PasswordHash
{
    /// <summary>
    /// 200,000 iterations: about a quarter of a second on a Raspberry Pi 4 core, so a login stays bearable on the
    /// device while each guess costs an attacker the same. Stored in the hash, so it can rise later.
    /// </summary>
    public const int DefaultIterations = 200_000;

    public static string Create(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', "pbkdf2-sha256", iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts is not ["pbkdf2-sha256", var iterationText, var saltText, var hashText]
            || !int.TryParse(iterationText, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(hashText);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(saltText), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
