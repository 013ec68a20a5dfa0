using System.Text.Json;

namespace SmartVillage.Gateway.Dashboard.Settings;

/// <summary>
/// Reads the fields of one small JSON object and collects what is wrong with each, named as the page sends it
/// (<c>watchBelow</c>, <c>intervalSeconds</c>), so the answer says exactly which field to fix.
/// </summary>
public sealed class JsonFields(JsonElement body)
{
    public Dictionary<string, string[]> Problems { get; } = new(StringComparer.Ordinal);

    public bool Has(string name) => body.TryGetProperty(name, out _);

    /// <summary>A number, or null when the field is absent or null.</summary>
    public double? Number(string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        Problems[name] = [$"{name} must be a number, or null for none"];
        return null;
    }

    public bool? Boolean(string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Problems[name] = [$"{name} must be true or false"];
        return null;
    }

    public string? Text(string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Problems[name] = [$"{name} must be text"];
        return null;
    }

    public void Require(string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Problems.TryAdd(name, [$"{name} is required"]);
        }
    }

    /// <summary>Fields this request does not know are refused, so a misspelt field is never silently ignored.</summary>
    public void RefuseOthers(params string[] known)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                Problems[property.Name] = [$"{property.Name} is not a setting here; expected {string.Join(", ", known)}"];
            }
        }
    }

    public void Add(string name, string problem) => Problems.TryAdd(name, [problem]);

    public void AddAll(IReadOnlyDictionary<string, string[]> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var (name, messages) in problems)
        {
            Problems.TryAdd(name, messages);
        }
    }
}
