using System.Security.Cryptography;
using System.Text;

namespace SmartVillage.Gateway.Acquisition.WifiNodes;

/// <summary>
/// A salted PBKDF2-SHA256 hash of a node's password, so that the plain text need not stay in memory (a core dump or
/// a debugger attached to the gateway does not reveal every node's password), compared in constant time.
/// </summary>
public sealed class PasswordHash
{
    /// <summary>Costs a few milliseconds on a Pi per connect: negligible for nodes, slow for guessing.</summary>
    public const int Iterations = 50_000;

    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private PasswordHash(byte[] salt, byte[] hash)
    {
        _salt = salt;
        _hash = hash;
    }

    public static PasswordHash Create(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        return new PasswordHash(salt, Derive(password, salt));
    }

    public bool Matches(string? password) =>
        password is not null && CryptographicOperations.FixedTimeEquals(_hash, Derive(password, _salt));

    private static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
}
