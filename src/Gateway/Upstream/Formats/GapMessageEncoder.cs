using System.Buffers;
using System.Text.Json;
using SmartVillage.Gateway.Readings;

namespace SmartVillage.Gateway.Upstream.Formats;

/// <summary>
/// The gap message sent in the reading stream where sequence numbers are missing:
/// <c>{"gateway":"gw-1","first":101,"last":250,"gaps":[{"first":101,"last":250,"count":150,"reason":"quota"}]}</c>.
/// Parts of the range with no recorded reason are reported with reason <c>unknown</c>.
/// </summary>
public static class GapMessageEncoder
{
    public const string ContentType = "application/json";

    public static byte[] Encode(string gatewayId, long first, long last, IReadOnlyList<GapRecord> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("gateway", gatewayId);
            json.WriteNumber("first", first);
            json.WriteNumber("last", last);
            json.WriteStartArray("gaps");
            var next = first;
            foreach (var gap in recorded.OrderBy(g => g.First))
            {
                if (gap.First > next)
                {
                    Write(json, new GapRecord(next, gap.First - 1, "unknown"));
                }

                Write(json, gap);
                next = gap.Last + 1;
            }

            if (next <= last)
            {
                Write(json, new GapRecord(next, last, "unknown"));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter json, GapRecord gap)
    {
        json.WriteStartObject();
        json.WriteNumber("first", gap.First);
        json.WriteNumber("last", gap.Last);
        json.WriteNumber("count", gap.Count);
        json.WriteString("reason", gap.Reason);
        json.WriteEndObject();
    }
}
