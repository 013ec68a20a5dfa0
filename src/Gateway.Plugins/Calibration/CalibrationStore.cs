using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SmartVillage.Plugins.Persistence;

namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// Every applied calibration (pH, EC), kept for good in one JSON file in the data folder (never edited, only appended).
/// </summary>
/// <remarks>
/// <para>Why a JSON file and not a SQLite table: a kit produces a few calibrations a month, an auditor or an NGO
/// technician must be able to read them without tools, the plugin assembly stays free of a database dependency that
/// third-party plugins would inherit, and the readings database (the host's, with its own schema and migrations)
/// stays the host's alone. Readings refer to a calibration by its id, so the two can be joined when needed.</para>
/// <para>Each record says its <c>Kind</c> (<c>ph</c>, <c>ec</c>); records without one come from the first, pH-only
/// format and are read as pH records. A record of a kind this version does not know stops the gateway rather than
/// being dropped on the next write.</para>
/// <para>Writes replace the file atomically (write a temporary file, flush it to disk, rename), so a power cut
/// leaves the old or the new list, never half a file. Safe for concurrent use within one process; two instances over
/// one file would overwrite each other's records, so a process opens each file once (<see cref="CalibrationFiles"/>).</para>
/// </remarks>
public sealed class CalibrationStore
{
    private static readonly PluginsJson s_json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        // Readable as written ("+00:00", "±30 mV"); the file is data for people and tools, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<CalibrationKind>(JsonNamingPolicy.KebabCaseLower) },
    });

    private readonly Lock _gate = new();
    private List<CalibrationRecord> _records;

    /// <exception cref="CalibrationStoreException">The file exists but cannot be read as calibration records.</exception>
    public CalibrationStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _records = Load(Path);
    }

    public string Path { get; }

    /// <summary>The newest calibration of <paramref name="sensorId"/>, or null if it was never calibrated.</summary>
    public CalibrationRecord? Latest(string sensorId) => Latest<CalibrationRecord>(sensorId);

    /// <summary>The newest calibration of kind <typeparamref name="T"/> of <paramref name="sensorId"/>, or null.</summary>
    public T? Latest<T>(string sensorId)
        where T : CalibrationRecord
    {
        lock (_gate)
        {
            return _records.OfType<T>().LastOrDefault(r => string.Equals(r.SensorId, sensorId, StringComparison.Ordinal));
        }
    }

    /// <summary>Every calibration of <paramref name="sensorId"/>, oldest first.</summary>
    public IReadOnlyList<CalibrationRecord> History(string sensorId)
    {
        lock (_gate)
        {
            return [.. _records.Where(r => string.Equals(r.SensorId, sensorId, StringComparison.Ordinal))];
        }
    }

    /// <summary>True when a record with <paramref name="id"/> is stored.</summary>
    public bool Contains(string id)
    {
        lock (_gate)
        {
            return _records.Any(r => string.Equals(r.Id, id, StringComparison.Ordinal));
        }
    }

    /// <summary>Keeps <paramref name="calibration"/>; from now on <see cref="Latest(string)"/> returns it.</summary>
    /// <exception cref="InvalidOperationException">A calibration with the same id is already stored.</exception>
    /// <exception cref="IOException">The file could not be written; nothing was kept.</exception>
    public void Add(CalibrationRecord calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        lock (_gate)
        {
            if (_records.Any(r => r.Id == calibration.Id))
            {
                throw new InvalidOperationException($"Calibration '{calibration.Id}' is already stored.");
            }

            var next = new List<CalibrationRecord>(_records) { calibration };
            Save(next);
            _records = next;
        }
    }

    private void Save(List<CalibrationRecord> records)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var list = new JsonArray();
        foreach (var record in records)
        {
            // Serialised as its own type, so each kind keeps its fields (a list of the base type would drop them).
            list.Add(JsonSerializer.SerializeToNode(record, s_json.GetTypeInfo(record.GetType())!));
        }

        var temporary = Path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true, Encoder = s_json.Options.Encoder }))
            {
                list.WriteTo(writer, s_json.Options);
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    private static List<CalibrationRecord> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var file = File.OpenRead(path);
            var list = JsonNode.Parse(file) as JsonArray
                ?? throw new CalibrationStoreException($"Calibration file '{path}' is not a list of calibration records.");
            var records = new List<CalibrationRecord>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                records.Add(Read(list[i], path, i));
            }

            return records;
        }
        catch (JsonException e)
        {
            throw new CalibrationStoreException($"Calibration file '{path}' is not a list of calibration records: {e.Message}", e);
        }
    }

    private static CalibrationRecord Read(JsonNode? node, string path, int index)
    {
        if (node is not JsonObject record)
        {
            throw new CalibrationStoreException($"Calibration file '{path}': record {index} is not a JSON object.");
        }

        var kind = record[nameof(CalibrationRecord.Kind)]?.GetValue<string>() ?? "ph";
        Type type = kind.ToUpperInvariant() switch
        {
            "PH" => typeof(PhCalibration),
            "EC" => typeof(EcCalibration),
            _ => throw new CalibrationStoreException(
                $"Calibration file '{path}': record {index} has kind '{kind}', which this gateway does not know; use a newer gateway or remove the record."),
        };
        return (CalibrationRecord?)record.Deserialize(s_json.GetTypeInfo(type)!)
            ?? throw new CalibrationStoreException($"Calibration file '{path}': record {index} is empty.");
    }
}
