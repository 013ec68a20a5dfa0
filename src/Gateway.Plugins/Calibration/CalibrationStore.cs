using System.Text.Json;
using SmartVillage.Plugins.Persistence;

namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// Every accepted pH calibration, kept for good in one JSON file in the data folder (never edited, only appended).
/// </summary>
/// <remarks>
/// <para>Why a JSON file and not a SQLite table: a kit produces a few calibrations a month, an auditor or an NGO
/// technician must be able to read them without tools, the plugin assembly stays free of a database dependency that
/// third-party plugins would inherit, and the readings database (the host's, with its own schema and migrations)
/// stays the host's alone. Readings refer to a calibration by its id, so the two can be joined when needed.</para>
/// <para>Writes replace the file atomically (write a temporary file, flush it to disk, rename), so a power cut
/// leaves the old or the new list, never half a file. Safe for concurrent use within one process.</para>
/// </remarks>
public sealed class CalibrationStore
{
    private readonly Lock _gate = new();
    private List<PhCalibration> _records;

    /// <exception cref="CalibrationStoreException">The file exists but cannot be read as calibration records.</exception>
    public CalibrationStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _records = Load(Path);
    }

    public string Path { get; }

    /// <summary>The newest calibration of <paramref name="sensorId"/>, or null if it was never calibrated.</summary>
    public PhCalibration? Latest(string sensorId)
    {
        lock (_gate)
        {
            return _records.LastOrDefault(r => string.Equals(r.SensorId, sensorId, StringComparison.Ordinal));
        }
    }

    /// <summary>Every calibration of <paramref name="sensorId"/>, oldest first.</summary>
    public IReadOnlyList<PhCalibration> History(string sensorId)
    {
        lock (_gate)
        {
            return [.. _records.Where(r => string.Equals(r.SensorId, sensorId, StringComparison.Ordinal))];
        }
    }

    /// <summary>Keeps <paramref name="calibration"/>; from now on <see cref="Latest"/> returns it.</summary>
    /// <exception cref="InvalidOperationException">A calibration with the same id is already stored.</exception>
    public void Add(PhCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        lock (_gate)
        {
            if (_records.Any(r => r.Id == calibration.Id))
            {
                throw new InvalidOperationException($"Calibration '{calibration.Id}' is already stored.");
            }

            var next = new List<PhCalibration>(_records) { calibration };
            Save(next);
            _records = next;
        }
    }

    private void Save(List<PhCalibration> records)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, records, PluginsJson.Default.ListPhCalibration);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    private static List<PhCalibration> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var file = File.OpenRead(path);
            return JsonSerializer.Deserialize(file, PluginsJson.Default.ListPhCalibration) ?? [];
        }
        catch (JsonException e)
        {
            throw new CalibrationStoreException($"Calibration file '{path}' is not a list of calibration records: {e.Message}", e);
        }
    }
}
