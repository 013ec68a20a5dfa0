using System.Text.Json.Serialization;

namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// A calibration as data: which sensor, what kind, the points it rests on, what was computed from them, the checks it
/// passed, when and with what note. Readings name it by <see cref="Id"/>, so any value can be traced back to the
/// buffers or standards it rests on. Records are kept for good in a <see cref="CalibrationStore"/>.
/// </summary>
public abstract record CalibrationRecord
{
    private readonly IReadOnlyList<string> _validation = [];

    /// <summary><c>&lt;sensor&gt;@&lt;UTC time&gt;</c>: unique per sensor, readable in a reading's metadata.</summary>
    public required string Id { get; init; }

    public required string SensorId { get; init; }

    /// <summary>When the calibration was computed (and, for records the gateway applies, applied).</summary>
    public required DateTimeOffset CalibratedAt { get; init; }

    /// <summary>What the operator wrote (electrode serial, buffer lot, remarks).</summary>
    public string? Note { get; init; }

    /// <summary>The checks the result passed, in words, with the limits in force (empty in older records).</summary>
    // Records from the first, pH-only format have no list: the generated JSON reader then sets null, which is read as none.
    public IReadOnlyList<string> Validation { get => _validation; init => _validation = value ?? []; }

    /// <summary>Stored as <c>"Kind"</c>; a record without one is a pH record (the first format had only pH).</summary>
    public abstract CalibrationKind Kind { get; }

    /// <summary>The points in the shape every kind shares.</summary>
    [JsonIgnore]
    public abstract IReadOnlyList<CalibrationPoint> ReferencePoints { get; }

    /// <summary>True when the calibration is older than <paramref name="maximumAge"/> at <paramref name="now"/>.</summary>
    public bool IsDue(DateTimeOffset now, TimeSpan maximumAge) => now - CalibratedAt > maximumAge;

    /// <summary>The id a calibration of <paramref name="sensorId"/> made at <paramref name="now"/> gets.</summary>
    public static string NewId(string sensorId, DateTimeOffset now) =>
        $"{sensorId}@{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)}";
}
