using System.Security.Cryptography;
using System.Text.Json;
using SmartVillage.Gateway.Hosting;

namespace SmartVillage.Gateway.Dashboard.Admin;

/// <summary>
/// The admin password hash, in a file only the service user can read (0600) beside the reading database. There is
/// no default password: until one is set, a one-time setup code (random, from a CSPRNG) is printed in the log at
/// start, and it alone can set the first password. A restart before setup prints a new code.
/// </summary>
public sealed class AdminCredentials
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: read off a screen and typed on a phone
    private readonly string _path;
    private readonly Lock _gate = new();
    private string? _passwordHash;
    private string? _setupCode;

    public AdminCredentials(string path)
    {
        _path = path;
        if (File.Exists(path))
        {
            _passwordHash = JsonSerializer.Deserialize(File.ReadAllText(path), GatewayFileJson.Default.Stored)?.PasswordHash;
        }

        if (_passwordHash is null)
        {
            var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 8);
            _setupCode = new string(chars, 0, 4) + "-" + new string(chars, 4, 4);
        }
    }

    /// <summary>The code to print at start, or null once a password is set.</summary>
    public string? SetupCode
    {
        get
        {
            lock (_gate)
            {
                return _setupCode;
            }
        }
    }

    public bool SetupNeeded => SetupCode is not null;

    /// <summary>Sets the first password if <paramref name="code"/> is the setup code. Works once.</summary>
    public bool TrySetUp(string code, string password)
    {
        lock (_gate)
        {
            if (_setupCode is null || !CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(Normalise(code)), System.Text.Encoding.UTF8.GetBytes(_setupCode)))
            {
                return false;
            }

            Save(PasswordHash.Create(password));
            _setupCode = null;
            return true;
        }
    }

    public bool Verify(string password)
    {
        string? hash;
        lock (_gate)
        {
            hash = _passwordHash;
        }

        return hash is not null && PasswordHash.Verify(password, hash);
    }

    public void ChangePassword(string password)
    {
        lock (_gate)
        {
            Save(PasswordHash.Create(password));
        }
    }

    private void Save(string hash)
    {
        var directory = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = _path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, new Stored(hash), GatewayFileJson.Default.Stored);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, _path, overwrite: true);
        _passwordHash = hash;
    }

    private static string Normalise(string code) => code.Trim().ToUpperInvariant();

    internal sealed record Stored(string PasswordHash);
}
