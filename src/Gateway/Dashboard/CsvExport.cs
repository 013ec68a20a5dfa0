using System.Globalization;
using System.Text;
using SmartVillage.Gateway.Readings;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// The long-format CSV: one row per reading, <c>.</c> as decimal separator whatever the language, ISO 8601 times
/// in UTC and in the site's local time, quality flags joined by <c>|</c>. RFC 4180 quoting; CRLF line ends.
/// </summary>
public sealed class CsvExport(TimeZoneInfo localZone)
{
    public const string Header = "sequence,sensor,quantity,value,unit,time_utc,time_local,quality,calibration_id";

    /// <summary>UTF-8 with a byte-order mark, so Excel opens accents and µ correctly.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public string Row(StoredReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var local = TimeZoneInfo.ConvertTime(reading.Time, localZone);
        var builder = new StringBuilder(96);
        builder.Append(reading.Sequence.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Field(reading.SensorId)).Append(',')
            .Append(Field(reading.Quantity)).Append(',')
            .Append(reading.Value.ToString("R", CultureInfo.InvariantCulture)).Append(',')
            .Append(Field(reading.Unit)).Append(',')
            .Append(reading.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(',')
            .Append(local.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture)).Append(',')
            .Append(Field(Flags(reading.Quality))).Append(',')
            .Append(Field(reading.CalibrationId ?? ""))
            .Append("\r\n");
        return builder.ToString();
    }

    /// <summary><c>simulated|clock-untrusted</c>; empty for a good reading.</summary>
    public static string Flags(ReadingQuality quality) =>
        quality == ReadingQuality.Good
            ? ""
            : string.Join('|', Enum.GetValues<ReadingQuality>()
                .Where(flag => flag != ReadingQuality.Good && quality.HasFlag(flag))
                .Select(flag => Kebab(flag.ToString())));

    private static string Kebab(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string Field(string value)
    {
        // Quote when needed (RFC 4180); a leading = + - @ would be run as a formula by spreadsheets, so neutralise it.
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
