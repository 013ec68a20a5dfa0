using System.Globalization;
using System.Text.Json;

namespace SmartVillage.Gateway.Acquisition.NetworkServer;

/// <summary>
/// Reads ChirpStack v4, ChirpStack v3 and The Things Stack v3 uplink JSON (shapes in the project's domain notes §2.5)
/// into a <see cref="NetworkUplink"/>. The shape is recognised from the fields, not the configured kind, so a server
/// upgraded from v3 to v4 keeps working. Total: any bytes give an uplink or a rejection reason, never an exception.
/// </summary>
public static class UplinkParser
{
    /// <summary>Larger messages are rejected unread: a real uplink is a few kilobytes.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 32 };

    public static NetworkUplink? Parse(ReadOnlySpan<byte> json, out string? rejection)
    {
        if (json.Length > MaxMessageBytes)
        {
            rejection = $"{json.Length} bytes is larger than the {MaxMessageBytes}-byte limit for an uplink";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), s_options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                rejection = $"the message is a JSON {root.ValueKind}, not an object";
                return null;
            }

            return root.TryGetProperty("end_device_ids", out var ids) ? ParseTheThingsStack(root, ids, out rejection)
                : root.TryGetProperty("deviceInfo", out var info) ? ParseChirpStackV4(root, info, out rejection)
                : root.TryGetProperty("devEUI", out var devEui) ? ParseChirpStackV3(root, devEui, out rejection)
                : Reject("no deviceInfo (ChirpStack v4), devEUI (v3) or end_device_ids (TTN v3): not an uplink", out rejection);
        }
        catch (JsonException exception)
        {
            rejection = $"not valid JSON: {exception.Message}";
            return null;
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or OverflowException)
        {
            // A field of the wrong JSON type or an unreadable value (a number where a string belongs, bad base64).
            rejection = $"a field has the wrong type or format: {exception.Message}";
            return null;
        }
    }

    private static NetworkUplink? ParseChirpStackV4(JsonElement root, JsonElement info, out string? rejection)
    {
        if (!TryEui(String(info, "devEui"), out var eui))
        {
            return Reject($"deviceInfo.devEui '{String(info, "devEui")}' is not 16 hex digits", out rejection);
        }

        var (rssi, snr) = BestSignal(root, "rxInfo", "rssi", "snr");
        rejection = null;
        return new NetworkUplink(eui, Time(String(root, "time")), Long(root, "fCnt"), Base64(String(root, "data")),
            Object(root, "object"), rssi, snr);
    }

    private static NetworkUplink? ParseChirpStackV3(JsonElement root, JsonElement devEui, out string? rejection)
    {
        // v3's protobuf JSON carries the EUI as base64 of its 8 bytes; its "json" marshaler as hex. Accept both.
        var text = devEui.ValueKind == JsonValueKind.String ? devEui.GetString() : null;
        if (!TryEui(text, out var eui) && !TryBase64Eui(text, out eui))
        {
            return Reject($"devEUI '{text}' is neither 16 hex digits nor 8 bytes of base64", out rejection);
        }

        var decoded = Object(root, "object");
        if (decoded is null && String(root, "objectJSON") is { Length: > 0 } objectJson)
        {
            using var inner = JsonDocument.Parse(objectJson, s_options);
            decoded = inner.RootElement.ValueKind == JsonValueKind.Object ? inner.RootElement.Clone() : null;
        }

        var (rssi, snr) = BestSignal(root, "rxInfo", "rssi", "loRaSNR");
        var time = Time(String(root, "time")) ?? Time(String(root, "publishedAt")) ?? FirstRxTime(root, "rxInfo");
        rejection = null;
        return new NetworkUplink(eui, time, Long(root, "fCnt"), Base64(String(root, "data")), decoded, rssi, snr);
    }

    private static NetworkUplink? ParseTheThingsStack(JsonElement root, JsonElement ids, out string? rejection)
    {
        if (!TryEui(String(ids, "dev_eui"), out var eui))
        {
            return Reject($"end_device_ids.dev_eui '{String(ids, "dev_eui")}' is not 16 hex digits", out rejection);
        }

        if (!root.TryGetProperty("uplink_message", out var uplink) || uplink.ValueKind != JsonValueKind.Object)
        {
            return Reject("no uplink_message: not an uplink (join, downlink or service data)", out rejection);
        }

        var (rssi, snr) = BestSignal(uplink, "rx_metadata", "rssi", "snr");
        var time = Time(String(root, "received_at")) ?? Time(String(uplink, "received_at"));
        rejection = null;
        // TTN omits zero fields: an absent f_cnt is frame 0.
        return new NetworkUplink(eui, time, Long(uplink, "f_cnt") ?? 0, Base64(String(uplink, "frm_payload")),
            Object(uplink, "decoded_payload"), rssi, snr);
    }

    private static NetworkUplink? Reject(string reason, out string? rejection)
    {
        rejection = reason;
        return null;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Long(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    private static JsonElement? Object(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value.Clone() : null;

    private static byte[]? Base64(string? text) => string.IsNullOrEmpty(text) ? null : Convert.FromBase64String(text);

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : null;

    private static DateTimeOffset? FirstRxTime(JsonElement root, string array) =>
        root.TryGetProperty(array, out var rx) && rx.ValueKind == JsonValueKind.Array
            ? rx.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.Object ? Time(String(r, "time")) : null).FirstOrDefault(t => t is not null)
            : null;

    /// <summary>The strongest reception over the gateways that heard the uplink, with the SNR measured there.</summary>
    private static (double? Rssi, double? Snr) BestSignal(JsonElement parent, string array, string rssiName, string snrName)
    {
        (double? Rssi, double? Snr) best = (null, null);
        if (!parent.TryGetProperty(array, out var rx) || rx.ValueKind != JsonValueKind.Array)
        {
            return best;
        }

        foreach (var gateway in rx.EnumerateArray())
        {
            if (gateway.ValueKind == JsonValueKind.Object &&
                gateway.TryGetProperty(rssiName, out var r) && r.ValueKind == JsonValueKind.Number &&
                (best.Rssi is null || r.GetDouble() > best.Rssi))
            {
                best = (r.GetDouble(), gateway.TryGetProperty(snrName, out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : null);
            }
        }

        return best;
    }

    private static bool TryEui(string? text, out string eui)
    {
        eui = "";
        if (text is not { Length: 16 } || !text.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        eui = text.ToLowerInvariant();
        return true;
    }

    private static bool TryBase64Eui(string? text, out string eui)
    {
        eui = "";
        Span<byte> bytes = stackalloc byte[16];
        if (text is null || !Convert.TryFromBase64String(text, bytes, out var written) || written != 8)
        {
            return false;
        }

        eui = Convert.ToHexStringLower(bytes[..8]);
        return true;
    }
}
