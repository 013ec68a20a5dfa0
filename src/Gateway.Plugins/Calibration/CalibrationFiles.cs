namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// Opens each calibration file once and hands out that one <see cref="CalibrationStore"/>: the pH and EC sensors of a
/// kit and the gateway's calibration service must share it, or one would overwrite what another appended.
/// </summary>
/// <param name="folder">
/// Where relative file names are resolved; null for the working directory. The gateway passes the folder of its
/// reading database, which is writable on a field kit.
/// </param>
/// <param name="defaultFile">The file used when a sensor names none (relative to <paramref name="folder"/>).</param>
public sealed class CalibrationFiles(string? folder = null, string defaultFile = CalibrationFiles.DefaultFileName)
{
    public const string DefaultFileName = "calibrations.json";

    private readonly Dictionary<string, CalibrationStore> _stores = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Where relative names are resolved.</summary>
    public string Folder { get; } = Path.GetFullPath(folder ?? ".");

    /// <summary>The store in <paramref name="file"/> (relative to <see cref="Folder"/>; null: the default file).</summary>
    /// <exception cref="CalibrationStoreException">The file exists but is damaged.</exception>
    public CalibrationStore Open(string? file)
    {
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(file) ? defaultFile : file, Folder);
        lock (_gate)
        {
            if (!_stores.TryGetValue(path, out var store))
            {
                store = new CalibrationStore(path);
                _stores[path] = store;
            }

            return store;
        }
    }
}
