using System.Buffers;
using System.Text.Json;
using SmartVillage.Gateway.Readings;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Upstream.Formats;

/// <summary>
/// SenML JSON packs (RFC 8428). The first record carries the base name (<c>&lt;gateway id&gt;:</c>) and the base
/// time (the first reading's time, in seconds); every record carries its name (<c>&lt;sensor&gt;/&lt;quantity&gt;</c>),
/// unit, value, time offset from the base, and two extension fields: <c>seq</c>, the reading's sequence number
/// (with the gateway id its stable id, for de-duplication and gap detection), and <c>q</c>, the quality flags
/// when any are set. Consumers that do not know <c>seq</c> and <c>q</c> ignore them (RFC 8428 §4.4 leaves labels
/// without a trailing underscore ignorable).
/// </summary>
public sealed class SenmlPackEncoder
{
    public const string ContentType = "application/senml+json";

    public byte[] Encode(string gatewayId, IReadOnlyList<StoredReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentOutOfRangeException.ThrowIfZero(readings.Count);
        var buffer = new ArrayBufferWriter<byte>(64 + (readings.Count * 96));
        using (var json = new Utf8JsonWriter(buffer))
        {
            var baseMilliseconds = readings[0].Time.ToUnixTimeMilliseconds();
            json.WriteStartArray();
            for (var i = 0; i < readings.Count; i++)
            {
                var reading = readings[i];
                json.WriteStartObject();
                if (i == 0)
                {
                    json.WriteString("bn", gatewayId + ":");
                    json.WriteNumber("bt", baseMilliseconds / 1000.0);
                }

                json.WriteString("n", reading.SensorId + "/" + reading.Quantity);
                if (reading.Unit.Length > 0)
                {
                    // A quantity with no registered SenML unit (turbidity in NTU) carries its unit in its name instead.
                    json.WriteString("u", reading.Unit);
                }
                json.WriteNumber("v", reading.Value);
                var offsetMilliseconds = reading.Time.ToUnixTimeMilliseconds() - baseMilliseconds;
                if (offsetMilliseconds != 0)
                {
                    json.WriteNumber("t", offsetMilliseconds / 1000.0);
                }

                json.WriteNumber("seq", reading.Sequence);
                if (reading.RawValue is { } raw)
                {
                    json.WriteNumber("raw", raw);
                    if (reading.RawUnit is { Length: > 0 } rawUnit)
                    {
                        json.WriteString("raw_u", rawUnit);
                    }
                }

                if (reading.CalibrationId is { } calibration)
                {
                    json.WriteString("cal", calibration);
                }

                if (reading.Quality != ReadingQuality.Good)
                {
                    json.WriteNumber("q", (int)reading.Quality);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
