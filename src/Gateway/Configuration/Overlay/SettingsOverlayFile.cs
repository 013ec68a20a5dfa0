using System.Text.Encodings.Web;
using System.Text.Json;
using SmartVillage.Gateway.Hosting;
using System.Text.Json.Serialization;

namespace SmartVillage.Gateway.Configuration.Overlay;

/// <summary>
/// The overlay on disk: readable JSON a technician can open, fix or delete. Written whole to a temporary file,
/// flushed to the card, then renamed over the old one (and the folder flushed), so a power cut leaves either the
/// old settings or the new, never half of each. Mode 0600: only the gateway's user reads it.
/// </summary>
public sealed class SettingsOverlayFile(string path)
{
    private static readonly GatewayFileJson Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A misspelt key ("Intervall") in a hand-edited file is an error naming it, not a setting silently ignored.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // Written for people to read (', →, accents): the file is never embedded in a page.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public string Path { get; } = path;

    /// <summary>The overlay, or an empty one when the file does not exist.</summary>
    /// <exception cref="KitConfigurationException">The file is there but cannot be read as an overlay.</exception>
    public SettingsOverlay Read()
    {
        if (!File.Exists(Path))
        {
            return new SettingsOverlay();
        }

        try
        {
            using var stream = File.OpenRead(Path);
            var overlay = JsonSerializer.Deserialize(stream, Json.SettingsOverlay) ?? new SettingsOverlay();
            overlay.Sensors = new(overlay.Sensors ?? new(), StringComparer.Ordinal);
            overlay.Thresholds = new(overlay.Thresholds ?? new(), StringComparer.Ordinal);
            return overlay;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new KitConfigurationException(Path, [
                $"the settings overlay cannot be read ({exception.Message}); fix it, or delete it to go back to the kit file alone",
            ]);
        }
    }

    public void Write(SettingsOverlay overlay)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = Path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, overlay, Json.SettingsOverlay);
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            // A temporary file left by an earlier crash keeps its old mode: make sure the new one is private.
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, Path, overwrite: true);
        FlushFolder(directory);
    }

    /// <summary>Makes the rename itself durable: without it a power cut can bring the old file back.</summary>
    private static void FlushFolder(string? directory)
    {
        if (OperatingSystem.IsLinux() && !string.IsNullOrEmpty(directory))
        {
            FolderSync.Flush(directory);
        }
    }
}
