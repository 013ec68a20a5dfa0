using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SmartVillage.Gateway.Hosting;

namespace SmartVillage.Gateway.Dashboard.Admin;

/// <summary>
/// Every change made from the admin page, in the gateway's log and in <c>admin-changes.jsonl</c> (one JSON object
/// per line, mode 0600, beside the reading database) so the admin page can list them after a restart. The file is
/// trimmed to the newest <see cref="Kept"/> entries when it grows to twice that. Sessions are named by a short hash
/// of their id, which tells two sessions apart without giving either away.
/// </summary>
public sealed partial class AdminChangeLog
{
    public const string FileName = "admin-changes.jsonl";
    public const int Kept = 200;
    // Readable arrows and accents in the file; the page shows entries as text, never as markup.
    private static readonly GatewayHttpJson Json = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<AdminChange> _entries;
    private int _linesInFile;

    public AdminChangeLog(string path, TimeProvider time, ILogger logger)
    {
        _path = path;
        _time = time;
        _logger = logger;
        _entries = Load(path, logger, out _linesInFile);
    }

    /// <summary>The newest changes first.</summary>
    public IReadOnlyList<AdminChange> Recent(int count)
    {
        lock (_gate)
        {
            return _entries.AsEnumerable().Reverse().Take(count).ToList();
        }
    }

    public AdminChange Record(HttpContext context, AdminSession? session, string setting, string? subject, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();
        var change = new AdminChange(_time.GetUtcNow(), client, SessionTag(session), setting, subject, detail);
        LogChange(_logger, client, change.Session, setting, subject ?? "", detail);
        lock (_gate)
        {
            _entries.Add(change);
            if (_entries.Count > Kept)
            {
                _entries.RemoveRange(0, _entries.Count - Kept);
            }

            try
            {
                Append(change);
            }
            catch (IOException exception)
            {
                // The change itself is made and in the gateway's log; only the list on the admin page lacks it after a restart.
                LogNotKept(_logger, _path, exception);
            }
        }

        return change;
    }

    private void Append(AdminChange change)
    {
        if (_linesInFile + 1 >= 2 * Kept)
        {
            Rewrite();
            return;
        }

        using (var stream = Open(_path, FileMode.Append))
        {
            stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(change, Json.AdminChange) + "\n"));
            stream.Flush(flushToDisk: true);
        }

        _linesInFile++;
    }

    private void Rewrite()
    {
        var temporary = _path + ".tmp";
        using (var stream = Open(temporary, FileMode.Create))
        {
            foreach (var entry in _entries)
            {
                stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json.AdminChange) + "\n"));
            }

            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, _path, overwrite: true);
        _linesInFile = _entries.Count;
    }

    private static FileStream Open(string path, FileMode mode)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    private static List<AdminChange> Load(string path, ILogger logger, out int lines)
    {
        lines = 0;
        var entries = new List<AdminChange>();
        if (!File.Exists(path))
        {
            return entries;
        }

        var unreadable = 0;
        foreach (var line in File.ReadLines(path))
        {
            lines++;
            try
            {
                if (JsonSerializer.Deserialize(line, Json.AdminChange) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException)
            {
                // A line cut short by a power cut during an append: counted and reported below, the rest is kept.
                unreadable++;
            }
        }

        if (unreadable > 0)
        {
            LogUnreadable(logger, unreadable, path);
        }

        return entries.Count > Kept ? entries[^Kept..] : entries;
    }

    private static string SessionTag(AdminSession? session) =>
        session is null ? "" : Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(session.Id)))[..8];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin change from {Client} (session {Session}): {Setting} {Subject}: {Detail}")]
    private static partial void LogChange(ILogger logger, string client, string session, string setting, string subject, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Admin change not written to {Path}")]
    private static partial void LogNotKept(ILogger logger, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} unreadable lines skipped in {Path}")]
    private static partial void LogUnreadable(ILogger logger, int count, string path);
}
