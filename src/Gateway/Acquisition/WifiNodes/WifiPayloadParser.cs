using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition.WifiNodes;

/// <summary>
/// Reads what Wi-Fi nodes publish (plain JSON, SenML, ESPHome, Tasmota) into measurements. Total: any bytes give
/// samples or a rejection reason, never an exception.
/// </summary>
public static class WifiPayloadParser
{
    /// <summary>Larger messages are rejected unread: a node's telemetry is well under a kilobyte.</summary>
    public const int MaxMessageBytes = 16 * 1024;

    /// <summary>SenML (RFC 8428 §4.5.3): times below 2^28 are relative to now; above, seconds since the Unix epoch.</summary>
    private const double SenmlRelativeLimit = 268_435_456;

    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 16 };
    private static readonly HashSet<string> s_jsonMetadata = new(StringComparer.OrdinalIgnoreCase) { "time", "ts", "timestamp" };
    private static readonly HashSet<string> s_tasmotaMetadata = new(StringComparer.Ordinal) { "Time", "TempUnit", "PressureUnit", "SpeedUnit" };

    public static IReadOnlyList<WifiSample>? Parse(WifiPayloadFormat format, string topic, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt, out string? rejection)
    {
        ArgumentNullException.ThrowIfNull(topic);
        rejection = null;
        if (payload.Length > MaxMessageBytes)
        {
            rejection = $"{payload.Length} bytes is larger than the {MaxMessageBytes}-byte limit";
            return null;
        }

        try
        {
            var samples = format switch
            {
                WifiPayloadFormat.Esphome => Esphome(topic, payload, receivedAt, out rejection),
                WifiPayloadFormat.Senml => Senml(payload, receivedAt, out rejection),
                WifiPayloadFormat.Tasmota => Tasmota(payload, receivedAt, out rejection),
                _ => Json(payload, receivedAt, out rejection),
            };
            if (samples is not null && samples.All(s => s.Measurements.Count == 0))
            {
                rejection = "the message holds no numeric values";
                return null;
            }

            return samples;
        }
        catch (JsonException exception)
        {
            rejection = $"not valid JSON: {exception.Message}";
            return null;
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            rejection = $"a field has the wrong type or format: {exception.Message}";
            return null;
        }
    }

    private static List<WifiSample>? Json(ReadOnlySpan<byte> payload, DateTimeOffset receivedAt, out string? rejection)
    {
        using var document = JsonDocument.Parse(payload.ToArray(), s_options);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            rejection = $"expected a JSON object, got {document.RootElement.ValueKind}";
            return null;
        }

        rejection = null;
        return [new WifiSample(receivedAt, false, JsonMeasurements.Flatten(document.RootElement, s_jsonMetadata))];
    }

    private static List<WifiSample>? Esphome(string topic, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt, out string? rejection)
    {
        // <prefix>/<component>/<object id>/state: the object id names the quantity.
        var parts = topic.Split('/');
        if (parts.Length < 3 || parts[^1] != "state")
        {
            rejection = $"topic '{topic}' is not an ESPHome state topic (<prefix>/<component>/<name>/state)";
            return null;
        }

        var text = Encoding.UTF8.GetString(payload).Trim();
        double? value = text switch
        {
            "ON" => 1,
            "OFF" => 0,
            _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null,
        };
        if (value is not { } number)
        {
            rejection = $"state '{Truncate(text)}' is not a number, ON or OFF";
            return null;
        }

        rejection = null;
        var name = JsonMeasurements.SafeName(parts[^2]);
        return [new WifiSample(receivedAt, false, [new Measurement(name, JsonMeasurements.GuessUnit(name), number)])];
    }

    private static List<WifiSample>? Tasmota(ReadOnlySpan<byte> payload, DateTimeOffset receivedAt, out string? rejection)
    {
        using var document = JsonDocument.Parse(payload.ToArray(), s_options);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            rejection = $"expected a JSON object, got {root.ValueKind}";
            return null;
        }

        // Tasmota's "Time" is local time without a zone: it cannot be placed on the time line, so receipt time is used.
        var fahrenheit = root.TryGetProperty("TempUnit", out var unit) && unit.ValueKind == JsonValueKind.String && unit.GetString() == "F";
        var measurements = JsonMeasurements.Flatten(root, s_tasmotaMetadata)
            .Select(m => fahrenheit && m.Unit == "Cel" ? m with { Value = (m.Value - 32) * 5 / 9 } : m)
            .ToList();
        rejection = null;
        return [new WifiSample(receivedAt, false, measurements)];
    }

    private static List<WifiSample>? Senml(ReadOnlySpan<byte> payload, DateTimeOffset receivedAt, out string? rejection)
    {
        using var document = JsonDocument.Parse(payload.ToArray(), s_options);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            rejection = $"a SenML pack is a JSON array, got {document.RootElement.ValueKind}";
            return null;
        }

        var byTime = new Dictionary<(DateTimeOffset, bool), List<Measurement>>();
        string baseName = "", baseUnit = "";
        double baseTime = 0;
        foreach (var record in document.RootElement.EnumerateArray().Take(JsonMeasurements.MaxValues))
        {
            if (record.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            baseName = Str(record, "bn") ?? baseName;
            baseUnit = Str(record, "bu") ?? baseUnit;
            baseTime = Num(record, "bt") ?? baseTime;
            double? value = Num(record, "v") ?? (record.TryGetProperty("vb", out var vb) && vb.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? (vb.ValueKind == JsonValueKind.True ? 1 : 0) : null);
            if (value is not { } v || !double.IsFinite(v))
            {
                continue; // string and data values, and base-only records, carry nothing to store
            }

            // The base name identifies the device, which the broker already knows from the login: the quantity is n,
            // or the last part of the base name when a record has none.
            var name = Str(record, "n") is { Length: > 0 } n ? n : baseName.TrimEnd(':', '/').Split(':', '/')[^1];
            var t = baseTime + (Num(record, "t") ?? 0);
            var key = t == 0 ? (receivedAt, false)
                : Math.Abs(t) < SenmlRelativeLimit ? (receivedAt.AddSeconds(t), true)
                : (DateTimeOffset.UnixEpoch.AddSeconds(t), true);
            if (!byTime.TryGetValue(key, out var list))
            {
                byTime[key] = list = [];
            }

            list.Add(new Measurement(JsonMeasurements.SafeName(name), Str(record, "u") ?? baseUnit, v));
        }

        rejection = null;
        return byTime.Select(p => new WifiSample(p.Key.Item1, p.Key.Item2, p.Value)).ToList();
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string Truncate(string text) => text.Length <= 32 ? text : text[..32] + "...";
}
