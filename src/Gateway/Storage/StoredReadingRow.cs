using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Readings;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Storage;

/// <summary>The columns every query of the log selects, and how a row becomes a <see cref="StoredReading"/>.</summary>
internal static class StoredReadingRow
{
    /// <summary>Select list; needs <c>readings r</c> joined to <c>series s</c>.</summary>
    public const string Columns = "r.seq, s.sensor, s.quantity, s.unit, r.value, r.quality, r.time_ms, r.raw_value, r.raw_unit, r.calibration_id";

    public static StoredReading Read(SqliteDataReader reader) =>
        new(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetDouble(4),
            (ReadingQuality)reader.GetInt32(5),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)))
        {
            RawValue = reader.IsDBNull(7) ? null : reader.GetDouble(7),
            RawUnit = reader.IsDBNull(8) ? null : reader.GetString(8),
            CalibrationId = reader.IsDBNull(9) ? null : reader.GetString(9),
        };
}
