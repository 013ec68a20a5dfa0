using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Storage.Rollups;

/// <summary>
/// What the rollups and the raw history aggregate the same way, so the two can never disagree about which readings
/// count: the quality masks, and the hour a time falls in.
/// </summary>
internal static class RollupSql
{
    public const long HourMs = 3_600_000;

    /// <summary>
    /// Left out of every aggregate (charts and rollups): the value is known to be wrong, or was measured in a
    /// calibration buffer rather than in the field.
    /// </summary>
    public const int Unusable = (int)(ReadingQuality.OutOfRange | ReadingQuality.SensorError | ReadingQuality.Calibrating);

    /// <summary>Usable, but suspect: such readings are counted as <c>flagged</c>.</summary>
    public const int Warning = (int)(ReadingQuality.RateOfChange | ReadingQuality.Stuck | ReadingQuality.Uncalibrated |
        ReadingQuality.ClockUntrusted | ReadingQuality.CalibrationDue);

    /// <summary>The hour (hours since 1970, rounded down, also before 1970) a time in ms falls in.</summary>
    public static string HourOf(string timeMs) =>
        $"(CASE WHEN {timeMs} >= 0 THEN {timeMs} / {HourMs} ELSE ({timeMs} - {HourMs - 1}) / {HourMs} END)";

    /// <summary>Reads the rollup watermark: every reading with seq at or below it is in the rollups, none above.</summary>
    public const string Watermark = "coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'rollup_seq'), 0)";
}
