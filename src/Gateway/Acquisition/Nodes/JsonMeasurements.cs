using System.Text;
using System.Text.Json;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>
/// Turns a decoded JSON object (a network server codec's <c>object</c>, a Wi-Fi node's plain JSON) into measurements:
/// every number (and boolean, as 0/1) becomes one, named by its path joined with <c>_</c>
/// (<c>{"temperatureSensor":{"3":27.2}}</c> gives <c>temperatureSensor_3</c>). Strings and nulls are skipped: they
/// are labels, not measurements. Names are made SenML-safe; depth and count are bounded so a hostile payload cannot
/// cost more than a small, fixed amount.
/// </summary>
public static class JsonMeasurements
{
    public const int MaxDepth = 6;
    public const int MaxValues = 64;

    /// <param name="skip">Top-level keys that are metadata, not measurements (e.g. Tasmota's <c>Time</c>).</param>
    public static List<Measurement> Flatten(JsonElement root, IReadOnlySet<string>? skip = null)
    {
        var result = new List<Measurement>();
        Walk(root, "", 0, skip, result);
        return result;
    }

    /// <summary>The SenML unit for well-known names; empty when the name says nothing certain.</summary>
    public static string GuessUnit(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.Contains("temperature", StringComparison.Ordinal) ? "Cel"
            : lower.Contains("humidity", StringComparison.Ordinal) ? "%RH"
            : "";
    }

    /// <summary>Replaces characters SenML names may not hold with <c>_</c>.</summary>
    public static string SafeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or ':' or '.' or '/' or '_' ? c : '_');
        }

        return builder.Length > 0 && char.IsAsciiLetterOrDigit(builder[0]) ? builder.ToString() : "v" + builder;
    }

    private static void Walk(JsonElement element, string path, int depth, IReadOnlySet<string>? skip, List<Measurement> result)
    {
        if (result.Count >= MaxValues || depth > MaxDepth)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (depth == 0 && skip is not null && skip.Contains(property.Name))
                    {
                        continue;
                    }

                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}_{property.Name}", depth + 1, skip, result);
                }

                break;
            case JsonValueKind.Number when element.TryGetDouble(out var value) && double.IsFinite(value) && path.Length > 0:
                var name = SafeName(path);
                result.Add(new Measurement(name, GuessUnit(name), value));
                break;
            case JsonValueKind.True or JsonValueKind.False when path.Length > 0:
                result.Add(new Measurement(SafeName(path), "", element.ValueKind == JsonValueKind.True ? 1 : 0));
                break;
            default:
                // Strings, nulls and arrays are not measurements here (an array has no stable name per element).
                break;
        }
    }
}
